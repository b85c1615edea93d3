// Package document reads JSON documents (scenarios, catalogs, requests, price
// lists) into values and walks them, collecting every problem at once with
// the JSON path of the field it concerns, so the user sees all mistakes
// together. The contract and the price-list import both read through it.
package document
