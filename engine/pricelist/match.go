package pricelist

import (
	"fmt"
	"github.com/sakura-sim/pricesim/engine"
	"strings"
)

// ItemRef names one item in one zone, as a scenario's resources do.
type ItemRef struct {
	Item string `json:"item"`
	Zone string `json:"zone"`
}

// ItemMatch is the item of the target catalog that stands for Item in the
// same zone. By says why: "id", "serviceClass", "cores and memory", "disk type
// and size" or "bandwidth".
type ItemMatch struct {
	Item string `json:"item"`
	Zone string `json:"zone"`
	To   string `json:"to"`
	By   string `json:"by"`
}

// UnmatchedItem is an item with no counterpart in the target catalog.
type UnmatchedItem struct {
	Item   string `json:"item"`
	Zone   string `json:"zone"`
	Reason string `json:"reason"`
}

// ItemMatching is the result of MatchItems: every item asked about is in
// exactly one of the two lists, in the order asked.
type ItemMatching struct {
	Matches   []ItemMatch     `json:"matches"`
	Unmatched []UnmatchedItem `json:"unmatched"`
}

// MatchItems finds, for each item of from, the item of to that a scenario
// should use instead when the user switches catalogs, so the scenario keeps
// working. Zones never change. Tried in order: the same id; the same
// ServiceClassPath; then, within the same kind, the same cores and memory
// (servers), disk type and size (disks) or bandwidth (networks), among items
// of the same kind of plan (standard, dedicated, GPU …), since a dedicated plan
// is not a standard one of the same size; when several remain, the one whose id
// differs only in its numbers wins. Anything else is unmatched, with a reason.
// With no refs, every item of from is matched.
func MatchItems(from, to *engine.Catalog, refs []ItemRef) ItemMatching {
	out := ItemMatching{Matches: []ItemMatch{}, Unmatched: []UnmatchedItem{}}
	if refs == nil && from != nil {
		for _, it := range from.Items {
			refs = append(refs, ItemRef{Item: it.ID, Zone: it.Zone})
		}
	}
	seen := map[ItemRef]bool{}
	for _, ref := range refs {
		if seen[ref] {
			continue
		}
		seen[ref] = true
		id, by, why := matchItem(from, to, ref)
		if why != "" {
			out.Unmatched = append(out.Unmatched, UnmatchedItem{Item: ref.Item, Zone: ref.Zone, Reason: why})
			continue
		}
		out.Matches = append(out.Matches, ItemMatch{Item: ref.Item, Zone: ref.Zone, To: id, By: by})
	}
	return out
}

func matchItem(from, to *engine.Catalog, ref ItemRef) (id, by, why string) {
	if to == nil {
		return "", "", "there is no catalog to match against"
	}
	if _, ok := to.Lookup(ref.Item, ref.Zone); ok {
		return ref.Item, "id", ""
	}
	var src *engine.Item
	if from != nil {
		src, _ = from.Lookup(ref.Item, ref.Zone)
	}
	if src == nil {
		return "", "", fmt.Sprintf("%s is not in zone %s of %s, nor of %s", ref.Item, ref.Zone, catalogName(from), catalogName(to))
	}
	var inZone []*engine.Item
	for i := range to.Items {
		if to.Items[i].Zone == ref.Zone {
			inZone = append(inZone, &to.Items[i])
		}
	}
	if len(inZone) == 0 {
		return "", "", fmt.Sprintf("%s has no item in zone %s", catalogName(to), ref.Zone)
	}
	if src.ServiceClass != "" {
		for _, it := range inZone {
			if it.ServiceClass == src.ServiceClass {
				return it.ID, "serviceClass", ""
			}
		}
	}
	key, by, described := matchKey(src)
	if !described {
		return "", "", fmt.Sprintf("%s in %s has no id in %s, and nothing (size, bandwidth) to match it by", ref.Item, ref.Zone, catalogName(to))
	}
	var sameFamily, sameMarkers, otherFamily []string
	for _, it := range inZone {
		if k, _, ok := matchKey(it); ok && k == key {
			switch {
			case itemMarkers(it.ID) != itemMarkers(src.ID):
				otherFamily = append(otherFamily, it.ID)
			case itemFamily(it.ID) == itemFamily(src.ID):
				sameFamily = append(sameFamily, it.ID)
			default:
				sameMarkers = append(sameMarkers, it.ID)
			}
		}
	}
	if len(sameFamily) == 0 {
		sameFamily = sameMarkers
	}
	switch {
	case len(sameFamily) == 1:
		return sameFamily[0], by, ""
	case len(sameFamily) > 1:
		return "", "", fmt.Sprintf("several items of %s in %s have the same %s: %s", catalogName(to), ref.Zone, by, strings.Join(sameFamily, ", "))
	case len(otherFamily) > 0:
		return "", "", fmt.Sprintf("%s in %s has the same %s as %s but is another kind of plan", catalogName(to), ref.Zone, by, strings.Join(otherFamily, ", "))
	}
	return "", "", fmt.Sprintf("%s has no %s in %s with the same %s", catalogName(to), src.Kind, ref.Zone, by)
}

// matchKey is what identifies an item of its kind regardless of its id.
func matchKey(it *engine.Item) (key, by string, ok bool) {
	switch {
	case it.Kind == engine.KindServer && it.Cores > 0 && it.MemoryGB > 0:
		return fmt.Sprintf("server %d/%d", it.Cores, it.MemoryGB), "cores and memory", true
	case it.Kind == engine.KindDisk && it.DiskType != "" && it.SizeGB > 0:
		return fmt.Sprintf("disk %s/%d", it.DiskType, it.SizeGB), "disk type and size", true
	case it.Kind == engine.KindNetwork && it.BandwidthMbps > 0:
		return fmt.Sprintf("network %d", it.BandwidthMbps), "bandwidth", true
	}
	return "", "", false
}

// itemMarkers are the words in an id that make a plan a different product,
// however its size compares: a dedicated-core or GPU plan is never a stand-in
// for a standard one.
func itemMarkers(id string) string {
	var found []string
	for _, m := range [...]string{"dedicated", "gpu", "amd"} {
		if strings.Contains(id, m) {
			found = append(found, m)
		}
	}
	return strings.Join(found, " ")
}

// itemFamily is an id without its numbers: server/dedicated-4core-8gb and
// server/dedicated-8core-16gb are one family, server/4core-8gb another, and
// server/gpu-4core-56gb-v100 (v) a third.
func itemFamily(id string) string {
	var b strings.Builder
	for _, c := range id {
		if c < '0' || c > '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func catalogName(c *engine.Catalog) string {
	if c == nil || c.ID == "" {
		return "the catalog"
	}
	return "catalog " + c.ID
}
