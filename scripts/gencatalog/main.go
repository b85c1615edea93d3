// Command gencatalog regenerates engine/contract/catalogs/list-2026.json from the
// list-price notes in ../shared/data/list-prices.md. It is a maintenance tool:
// the JSON it writes is committed, and the engine embeds that file, so the page
// never depends on this program or on the notes.
//
//	go run ./scripts/gencatalog [-in ../shared/data/list-prices.md] [-out engine/contract/catalogs/list-2026.json]
//
// The notes list monthly prices without tax for Ishikari 1. Every price is
// stored tax included and truncated to the yen, as SAKURA's public price API
// publishes them; hourly and daily prices are derived from the tax-excluded
// monthly price in whole yen (daily = ceil(monthly ÷ 20), hourly =
// floor(daily ÷ 10), seed 003's ratios) before tax is added and truncated, and
// marked estimated. That order reproduces SAKURA's published legacy-plan triples
// (list-prices.md, "Evidence for this rule").
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sakura-sim/pricesim/engine/contract"
	"github.com/shopspring/decimal"
)

const (
	catalogID = "list-2026"
	// The notes were copied from SAKURA's product pages on this date.
	asOf    = "2026-04-28"
	taxRate = "0.10"
	source  = "SAKURA Cloud product pages (list prices, Ishikari 1, tax excluded), copied 2026-04-28; " +
		"stored with 10 % tax added and truncated to the yen, as the public price API does. " +
		"Hourly and daily prices are not published there: derived before tax in whole yen as daily = ceil(monthly ÷ 20) " +
		"and hourly = floor(daily ÷ 10), then taxed and truncated, and marked estimated. GPU plans: the public price API's " +
		"tax-included prices, only in the zones that list them (V100 and H100 in is1a, H100 in is1b). " +
		"Zones other than is1a copy is1a's prices (assumedFrom). Load the official price list for exact figures."
	baseZone = "is1a"
)

// zones are SAKURA Cloud's zones in the order the page lists them.
var zones = []string{"is1a", "is1b", "is1c", "tk1a", "tk1b"}

// hddZones: the notes say HDD disks are offered in Ishikari 3 and Tokyo 1 only.
var hddZones = []string{"is1c", "tk1a"}

// passportZones and passportPlans are seed 002's four plans in two zones, as
// the notes' "Discount passport eligibility" section says.
var (
	passportZones = []string{"is1b", "tk1a"}
	passportPlans = []string{"server/2core-2gb", "server/2core-4gb", "server/4core-4gb", "server/4core-8gb"}
)

// gpuZones are the zones whose public price lists hold each GPU plan
// (price-api.md: V100 and H100 in is1a, H100 in is1b), with the zone whose
// published figures the notes copy. A GPU plan is shipped nowhere else: a price
// for a plan a zone does not sell would be invented.
var gpuZones = map[string][]string{
	"server/gpu-4core-56gb-v100":   {"is1a"},
	"server/gpu-24core-240gb-h100": {"is1a", "is1b"},
}

var (
	tax     = decimal.RequireFromString("1.10")
	perDay  = decimal.RequireFromString("0.05") // ÷ 20 days (seed 003), without a division
	perHour = decimal.RequireFromString("0.1")  // ÷ 10 hours (seed 003)
)

type name struct {
	En string `json:"en"`
	Ja string `json:"ja"`
}

// item is one catalog entry in contract.md's field order.
type item struct {
	ID            string   `json:"id"`
	Kind          string   `json:"kind"`
	Zone          string   `json:"zone"`
	Name          name     `json:"name"`
	Hourly        string   `json:"hourly"`
	Daily         string   `json:"daily"`
	Monthly       string   `json:"monthly"`
	Passport      bool     `json:"passport,omitempty"`
	Estimated     []string `json:"estimated,omitempty"`
	Cores         int      `json:"cores,omitempty"`
	MemoryGB      int      `json:"memoryGB,omitempty"`
	DiskType      string   `json:"diskType,omitempty"`
	SizeGB        int      `json:"sizeGB,omitempty"`
	BandwidthMbps int      `json:"bandwidthMbps,omitempty"`
	AssumedFrom   string   `json:"assumedFrom,omitempty"`
}

func main() {
	in := flag.String("in", "../shared/data/list-prices.md", "the list-price notes (path relative to the repository root)")
	out := flag.String("out", "engine/contract/catalogs/list-2026.json", "where to write the catalog; - for standard output")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(2)
	}
}

func run(in, out string) error {
	notes, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	doc, err := generate(notes)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if out == "-" {
		_, err = os.Stdout.Write(doc)
		return err
	}
	return os.WriteFile(out, doc, 0o644)
}

// generate turns the notes into the catalog document, checked by the engine's
// own catalog reader so a bad file is never committed.
func generate(notes []byte) ([]byte, error) {
	p, err := parseNotes(notes)
	if err != nil {
		return nil, err
	}
	var items []item
	for _, zone := range zones {
		for _, s := range p.servers {
			if sold, listed := gpuZones[s.id]; listed && !slices.Contains(sold, zone) {
				continue
			}
			if s.family == "gpu" && gpuZones[s.id] == nil {
				return nil, fmt.Errorf("GPU plan %s: no zone is known to sell it; add it to gpuZones", s.id)
			}
			items = append(items, s.item(zone))
		}
		for _, d := range p.disks {
			if d.diskType == "hdd" && !slices.Contains(hddZones, zone) {
				continue
			}
			items = append(items, d.item(zone))
		}
		for _, r := range p.routers {
			items = append(items, r.item(zone))
		}
	}
	doc, err := encode(items)
	if err != nil {
		return nil, err
	}
	if _, err := contract.ParseCatalog(doc); err != nil {
		return nil, fmt.Errorf("the generated catalog is invalid: %w", err)
	}
	return doc, nil
}

// encode writes one item per line, so a price change is a one-line diff.
func encode(items []item) ([]byte, error) {
	var b bytes.Buffer
	head := []struct{ key, value string }{{"id", catalogID}, {"asOf", asOf}, {"taxRate", taxRate}, {"source", source}}
	b.WriteString("{\n")
	for _, h := range head {
		v, err := json.Marshal(h.value)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "  %q: %s,\n", h.key, v)
	}
	b.WriteString("  \"items\": [\n")
	for i, it := range items {
		line, err := json.Marshal(it)
		if err != nil {
			return nil, err
		}
		b.WriteString("    ")
		b.Write(line)
		if i < len(items)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("  ]\n}\n")
	return b.Bytes(), nil
}

// listed is a price as the notes give it.
type listed struct {
	// taxExcludedMonthly is set for prices to derive; published holds the
	// API's tax-included hourly, daily and monthly for plans that have them.
	taxExcludedMonthly decimal.Decimal
	published          *[3]decimal.Decimal
}

// prices returns hourly, daily, monthly tax included and the estimated ones.
func (l listed) prices() (h, d, m string, estimated []string) {
	if l.published != nil {
		return l.published[0].String(), l.published[1].String(), l.published[2].String(), nil
	}
	daily, hourly := derive(l.taxExcludedMonthly)
	return withTax(hourly).String(), withTax(daily).String(), withTax(l.taxExcludedMonthly).String(),
		[]string{"hourly", "daily"}
}

// derive gives the tax-excluded daily and hourly prices of a tax-excluded
// monthly one, in whole yen: daily = ceil(monthly ÷ 20), hourly =
// floor(daily ÷ 10) (list-prices.md, "How to store them").
func derive(monthly decimal.Decimal) (daily, hourly decimal.Decimal) {
	daily = monthly.Mul(perDay).Ceil()
	return daily, daily.Mul(perHour).Floor()
}

// withTax adds 10 % consumption tax and truncates to the yen, as the public
// price API publishes prices.
func withTax(taxExcluded decimal.Decimal) decimal.Decimal { return taxExcluded.Mul(tax).Floor() }

type server struct {
	id            string
	cores, memory int
	family        string // "", "dedicated", "amd", "gpu"
	gpu           string // "V100", "H100"
	price         listed
}

func (s server) item(zone string) item {
	h, d, m, est := s.price.prices()
	it := item{ID: s.id, Kind: "server", Zone: zone, Hourly: h, Daily: d, Monthly: m, Estimated: est,
		Cores: s.cores, MemoryGB: s.memory, AssumedFrom: assumed(zone)}
	if s.family == "gpu" {
		// Each zone that sells a GPU plan publishes its own price for it.
		it.AssumedFrom = ""
	}
	coreWord := "cores"
	if s.cores == 1 {
		coreWord = "core"
	}
	it.Name = name{En: fmt.Sprintf("%d %s / %d GB", s.cores, coreWord, s.memory), Ja: fmt.Sprintf("%dコア / %dGB", s.cores, s.memory)}
	switch s.family {
	case "dedicated":
		it.Name = name{En: "Dedicated CPU " + it.Name.En, Ja: "コア専有 " + it.Name.Ja}
	case "amd":
		it.Name = name{En: "AMD " + it.Name.En, Ja: "AMD " + it.Name.Ja}
	case "gpu":
		it.Name = name{En: fmt.Sprintf("GPU %s, NVIDIA %s", it.Name.En, s.gpu), Ja: fmt.Sprintf("GPU %s(NVIDIA %s)", it.Name.Ja, s.gpu)}
	}
	it.Passport = slices.Contains(passportZones, zone) && slices.Contains(passportPlans, s.id)
	return it
}

type disk struct {
	diskType string
	sizeGB   int
	price    listed
}

func (d disk) item(zone string) item {
	h, dd, m, est := d.price.prices()
	label := map[string]name{"ssd": {"SSD", "SSDプラン"}, "hdd": {"HDD", "標準プラン(HDD)"}}[d.diskType]
	return item{ID: fmt.Sprintf("disk/%s-%dgb", d.diskType, d.sizeGB), Kind: "disk", Zone: zone,
		Name:   name{En: fmt.Sprintf("%s disk %d GB", label.En, d.sizeGB), Ja: fmt.Sprintf("%s %dGB", label.Ja, d.sizeGB)},
		Hourly: h, Daily: dd, Monthly: m, Estimated: est, DiskType: d.diskType, SizeGB: d.sizeGB, AssumedFrom: assumed(zone)}
}

type router struct {
	mbps  int
	price listed
}

func (r router) item(zone string) item {
	h, d, m, est := r.price.prices()
	return item{ID: fmt.Sprintf("network/router-%dmbps", r.mbps), Kind: "network", Zone: zone,
		Name:   name{En: fmt.Sprintf("Router + switch %d Mbps", r.mbps), Ja: fmt.Sprintf("ルータ+スイッチ %dMbps", r.mbps)},
		Hourly: h, Daily: d, Monthly: m, Estimated: est, BandwidthMbps: r.mbps, AssumedFrom: assumed(zone)}
}

func assumed(zone string) string {
	if zone == baseZone {
		return ""
	}
	return baseZone
}

type parsed struct {
	servers []server
	disks   []disk
	routers []router
}

var (
	planRow   = regexp.MustCompile(`^\|\s*(server/[a-z0-9-]+)\s*\|\s*([0-9,]+)\s*\|\s*([0-9,]+)\s*\|\s*([0-9,]+)\s*\|$`)
	planID    = regexp.MustCompile(`^server/(?:(dedicated|amd|gpu)-)?(\d+)core-(\d+)gb(?:-([a-z0-9]+))?$`)
	pair      = regexp.MustCompile(`(\d[\d,]*)\s*→\s*(\d[\d,]*)`)
	stepRule  = regexp.MustCompile(`then ([\d,]+) more per (\d+) Mbps up to (\d+) → ([\d,]+)`)
	headingOf = map[string]string{
		"## Standard servers":        "servers",
		"## Dedicated-core servers":  "servers",
		"## GPU servers":             "gpu",
		"## SSD disks":               "ssd",
		"## HDD disks":               "hdd",
		"## Router + switch":         "router",
		"## Discount passport":       "",
		"## Not known here":          "",
		"## A sample of the public":  "",
		"## How to store them":       "",
		"# SAKURA Cloud list prices": "",
	}
)

// parseNotes reads the sections it knows; a section it cannot read is an
// error, so a changed note never silently loses prices.
func parseNotes(notes []byte) (parsed, error) {
	var p parsed
	section := ""
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(notes))
	lineNo := 0
	var text = map[string]*strings.Builder{"ssd": {}, "hdd": {}, "router": {}}
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") {
			section = "unknown"
			for prefix, s := range headingOf {
				if strings.HasPrefix(line, prefix) {
					section = s
				}
			}
			if section == "unknown" {
				errs = append(errs, fmt.Errorf("line %d: unknown section %q", lineNo, line))
			}
			continue
		}
		switch section {
		case "servers", "gpu":
			m := planRow.FindStringSubmatch(line)
			if m == nil {
				continue // header, separator or prose
			}
			s, err := parseServer(m, section == "gpu")
			if err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", lineNo, err))
				continue
			}
			p.servers = append(p.servers, s)
		case "ssd", "hdd", "router":
			text[section].WriteString(line + " ")
		}
	}
	if err := sc.Err(); err != nil {
		return p, err
	}
	for _, kind := range []string{"ssd", "hdd"} {
		pairs, err := pairs(text[kind].String())
		if err != nil {
			errs = append(errs, fmt.Errorf("%s disks: %w", kind, err))
		}
		for _, pr := range pairs {
			p.disks = append(p.disks, disk{diskType: kind, sizeGB: pr.size, price: listed{taxExcludedMonthly: pr.monthly}})
		}
	}
	routers, err := routerPrices(text["router"].String())
	if err != nil {
		errs = append(errs, fmt.Errorf("router + switch: %w", err))
	}
	p.routers = routers
	if len(p.servers) == 0 {
		errs = append(errs, errors.New("no server plan found"))
	}
	return p, errors.Join(errs...)
}

func parseServer(m []string, gpu bool) (server, error) {
	id := m[1]
	idm := planID.FindStringSubmatch(id)
	if idm == nil {
		return server{}, fmt.Errorf("plan id %q does not read as [family-]Ncore-Mgb", id)
	}
	s := server{id: id, family: idm[1], gpu: strings.ToUpper(idm[4])}
	s.cores, _ = strconv.Atoi(idm[2])
	s.memory, _ = strconv.Atoi(idm[3])
	if gpu != (s.family == "gpu") {
		return server{}, fmt.Errorf("plan %q is in the wrong table", id)
	}
	if !gpu {
		// Standard table: cores and memory are also columns; they must agree with the id.
		cores, memory := number(m[2]), number(m[3])
		if !cores.Equal(decimal.NewFromInt(int64(s.cores))) || !memory.Equal(decimal.NewFromInt(int64(s.memory))) {
			return server{}, fmt.Errorf("plan %q: its columns say %s cores / %s GB", id, m[2], m[3])
		}
		s.price = listed{taxExcludedMonthly: number(m[4])}
		return s, nil
	}
	s.price = listed{published: &[3]decimal.Decimal{number(m[2]), number(m[3]), number(m[4])}}
	return s, nil
}

type sizePrice struct {
	size    int
	monthly decimal.Decimal
}

func pairs(text string) ([]sizePrice, error) {
	var out []sizePrice
	for _, m := range pair.FindAllStringSubmatch(text, -1) {
		size, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
		if err != nil {
			return nil, err
		}
		out = append(out, sizePrice{size: size, monthly: number(m[2])})
	}
	if len(out) == 0 {
		return nil, errors.New("no \"size → price\" pair found")
	}
	return out, nil
}

// routerPrices reads the listed bandwidths, then extends them by the notes'
// "then X more per Y Mbps up to Z → W" rule, checking that it lands on W.
func routerPrices(text string) ([]router, error) {
	rule := stepRule.FindStringSubmatch(text)
	listedText := text
	if rule != nil {
		listedText = text[:strings.Index(text, rule[0])]
	}
	ps, err := pairs(listedText)
	if err != nil {
		return nil, err
	}
	var out []router
	for _, pr := range ps {
		out = append(out, router{mbps: pr.size, price: listed{taxExcludedMonthly: pr.monthly}})
	}
	if rule == nil {
		return out, nil
	}
	step, per, upTo, last := number(rule[1]), atoi(rule[2]), atoi(rule[3]), number(rule[4])
	top := out[len(out)-1]
	price := top.price.taxExcludedMonthly
	for mbps := top.mbps + per; mbps <= upTo; mbps += per {
		price = price.Add(step)
		out = append(out, router{mbps: mbps, price: listed{taxExcludedMonthly: price}})
	}
	if end := out[len(out)-1]; end.mbps != upTo || !end.price.taxExcludedMonthly.Equal(last) {
		return nil, fmt.Errorf("the step rule ends at %d Mbps → %s, the notes say %d → %s",
			end.mbps, end.price.taxExcludedMonthly, upTo, last)
	}
	return out, nil
}

func number(s string) decimal.Decimal {
	d, err := decimal.NewFromString(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return decimal.Decimal{}
	}
	return d
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
