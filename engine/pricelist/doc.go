// Package pricelist turns SAKURA Cloud's official public price API answers
// into a catalog ([ImportOfficialPrices]) and matches items from one catalog
// to another ([MatchItems]). It reads documents through engine/document and
// knows nothing of the request router that calls it.
package pricelist
