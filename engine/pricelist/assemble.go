package pricelist

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/shopspring/decimal"
)

// candidate is a class the grammar and the prices let through, before
// duplicates are settled.
type candidate struct {
	item       engine.Item
	generation int
	class      officialClass
}

// importItems turns classes into items, leaving out (with a reason) what is
// not public, not in the grammar, not priced per hour, day or month, in no
// zone, or a second class for an item a zone already has.
func importItems(classes []officialClass, rep *ImportReport) []engine.Item {
	var cands []candidate
	for _, c := range classes {
		if c.notPublic {
			rep.leave(c, &leftOut{code: ReasonNotPublic})
			continue
		}
		p, why := readServiceClassPath(c.serviceClass, c.displayName)
		if why != nil {
			rep.leave(c, why)
			continue
		}
		if c.noPrice {
			rep.leave(c, noPriceReason(c, p))
			continue
		}
		if c.zone == "" {
			rep.leave(c, &leftOut{code: ReasonNoZone})
			continue
		}
		it := engine.Item{ID: p.id, Kind: p.kind, Zone: c.zone, Name: p.name, Prices: c.prices, ServiceClass: c.serviceClass,
			Cores: p.cores, MemoryGB: p.memory, DiskType: p.diskType, SizeGB: p.sizeGB, BandwidthMbps: p.bandwidthMbps}
		if c.displayName != "" {
			it.Name.Ja = c.displayName
		}
		cands = append(cands, candidate{item: it, generation: p.generation, class: c})
	}
	items := settleDuplicates(cands, rep)
	// Report in document order, duplicates where they stand.
	order := map[string]int{}
	for i, c := range classes {
		order[c.path] = i
	}
	sort.SliceStable(rep.Unmatched, func(a, b int) bool { return order[rep.Unmatched[a].Path] < order[rep.Unmatched[b].Path] })
	return items
}

func noPriceReason(c officialClass, p pathItem) *leftOut {
	if len(c.usageBased) > 0 {
		return &leftOut{code: ReasonUsageBased, args: []string{"fields", strings.Join(c.usageBased, ", ")}}
	}
	if p.family == "autobackup" {
		return &leftOut{code: ReasonBackupNoPrice}
	}
	return &leftOut{code: ReasonNoPrice}
}

// settleDuplicates keeps one item per id and zone. Two generations of one
// plan in a zone are both kept: the newest under the plain id, the others
// with "-gN" (N = 1 for a path naming no generation). The same class twice,
// or two classes of one generation, keep the first.
func settleDuplicates(cands []candidate, rep *ImportReport) []engine.Item {
	groups := map[itemKey][]int{}
	for i, c := range cands {
		k := itemKey{c.item.ID, c.item.Zone}
		groups[k] = append(groups[k], i)
	}
	keep := make([]bool, len(cands))
	for k, idx := range groups {
		sort.SliceStable(idx, func(a, b int) bool { return cands[idx[a]].generation > cands[idx[b]].generation })
		paths := map[string]bool{}
		gens := map[int]string{}
		for n, i := range idx {
			c := &cands[i]
			switch first, sameGen := gens[c.generation]; {
			case paths[c.class.serviceClass]:
				rep.leave(c.class, &leftOut{code: ReasonDuplicate, args: []string{"zone", k.zone}})
			case sameGen:
				rep.leave(c.class, &leftOut{code: ReasonSameItem, args: []string{"item", k.id, "first", first, "zone", k.zone}})
			default:
				if n > 0 {
					c.item.ID += fmt.Sprintf("-g%d", max(c.generation, 1))
				}
				paths[c.class.serviceClass], gens[c.generation], keep[i] = true, c.class.serviceClass, true
			}
		}
	}
	var items []engine.Item
	for i, c := range cands {
		if keep[i] {
			items = append(items, c.item)
		}
	}
	return items
}

// assemble makes the catalog: the imported items laid over base zone by zone
// when the tax rates agree, else alone; base's passport plans carried over.
func assemble(imported []engine.Item, zoneDates map[string]string, base *engine.Catalog, date string, rate decimal.Decimal, rep *ImportReport) *engine.Catalog {
	var zones []string
	for _, it := range imported {
		if !slices.Contains(zones, it.Zone) {
			zones = append(zones, it.Zone)
		}
	}
	official := func(zone string) engine.ZoneSource {
		return engine.ZoneSource{Zone: zone, AsOf: zoneDates[zone], Official: true,
			Source: fmt.Sprintf("SAKURA Cloud public price API (%s), zone %s, as of %s; tax included, as published",
				OfficialPriceURL, zone, zoneDates[zone])}
	}
	alone := engine.NewCatalog("official-"+date, date,
		fmt.Sprintf("SAKURA Cloud public price API (%s), zones %s; tax included, as published", OfficialPriceURL, strings.Join(zones, ", ")),
		rate, imported)
	for _, z := range zones {
		alone.ZoneSources = append(alone.ZoneSources, official(z))
	}
	if base == nil {
		return alone
	}
	rep.Overlay.Base = base.ID
	carryPassports(base, alone, zones, rep)
	if !base.TaxRate.Equal(rate) {
		rep.Overlay.Code, rep.Overlay.Reason, rep.Overlay.Args = explain(OverlayTaxRateDiffers,
			"date", date, "rate", percent(rate), "base", base.ID, "baseRate", percent(base.TaxRate))
		alone.Source += "; passport eligibility from " + base.ID
		return alone
	}

	var items []engine.Item
	var sources []engine.ZoneSource
	for _, it := range base.Items {
		if !slices.Contains(zones, it.Zone) {
			items = append(items, it)
		}
	}
	items = append(items, alone.Items...)
	for _, z := range catalogZones(base) {
		if slices.Contains(zones, z) {
			sources = append(sources, official(z))
			continue
		}
		sources = append(sources, baseZoneSource(base, z))
	}
	for _, z := range zones {
		if !slices.Contains(catalogZones(base), z) {
			sources = append(sources, official(z))
		}
	}
	baseID, _, _ := strings.Cut(base.ID, "+official-")
	c := engine.NewCatalog(baseID+"+official-"+date, date,
		fmt.Sprintf("%s, with SAKURA Cloud's official prices for %s (public price API, as of %s); passport eligibility from %s",
			base.ID, strings.Join(zones, ", "), date, base.ID),
		rate, items)
	c.ZoneSources = sources
	rep.Overlay.Overlaid = true
	return c
}

// baseZoneSource is where base's prices for a zone came from.
func baseZoneSource(base *engine.Catalog, zone string) engine.ZoneSource {
	for _, s := range base.ZoneSources {
		if s.Zone == zone {
			return s
		}
	}
	return engine.ZoneSource{Zone: zone, AsOf: base.AsOf, Source: base.ID + ": " + base.Source}
}

func catalogZones(c *engine.Catalog) []string {
	var zones []string
	for _, it := range c.Items {
		if !slices.Contains(zones, it.Zone) {
			zones = append(zones, it.Zone)
		}
	}
	return zones
}

// carryPassports gives passport eligibility to the imported items that stand
// for base's passport plans in the imported zones (MatchItems: same id,
// service class, or cores and memory in the same kind of plan), and reports
// each plan it could not carry.
func carryPassports(base, imported *engine.Catalog, zones []string, rep *ImportReport) {
	var refs []ItemRef
	for _, it := range base.Items {
		if it.Passport && slices.Contains(zones, it.Zone) {
			refs = append(refs, ItemRef{Item: it.ID, Zone: it.Zone})
		}
	}
	if len(refs) == 0 {
		return
	}
	m := MatchItems(base, imported, refs)
	for _, match := range m.Matches {
		to, _ := imported.Lookup(match.To, match.Zone)
		if to.Kind != engine.KindServer || !to.Prices.Monthly.Set {
			p := PassportNotCarried{Item: match.Item, Zone: match.Zone}
			p.Code, p.Reason, p.Args = explain(PassportNoMonthly, "item", match.To, "zone", match.Zone)
			rep.PassportsNotCarried = append(rep.PassportsNotCarried, p)
			continue
		}
		to.Passport = true
	}
	for _, u := range m.Unmatched {
		p := PassportNotCarried{Item: u.Item, Zone: u.Zone}
		p.Code, p.Reason, p.Args = explain(PassportNoCounterpart, "reason", u.Reason)
		rep.PassportsNotCarried = append(rep.PassportsNotCarried, p)
	}
}
