package pricelist

// The service-class path grammar: how a ServiceClassPath of SAKURA's public
// price API becomes a catalog item id, kind and descriptive fields, or why it
// does not. Every family of price-api.md is covered; a path outside it is
// left out with a reason, never guessed at.
//
//	path      = "cloud/" family
//	family    = plan | disk | archive | router | ipv4 | licence | host | appliance
//	          | switch | service | ostorage
//
//	plan      = "plan/" digits                                    → server/plan-N (legacy)
//	          | "plan/" {word "/"} size-spec [gpu] [model] [gen] [ "-" word ]
//	                                                              → server/[word-…][gpu-]Ccore-Mgb[-model][-word]
//	size-spec = digits "core-" digits "gb"
//	gpu       = "-" digits "gpu"                                  GPUs per server (1gpu)
//	model     = "-" gpu-model                                     nvidia_h100_80gbvram → H100 (80 GB), v100 → V100
//	gen       = "-g" digits                                       a plan generation, never a GPU model
//	disk      = "disk/" ("ssd" | "hdd" | "iscsi") "/" size        → disk/ssd-100gb, disk/hdd-1024gb (iscsi is HDD)
//	archive   = "archive/" size                                   → archive/100gb
//	size      = digits ["g" | "t"]                                1t = 1,024 GB, as SAKURA's disk plans count
//	router    = "internet/router/" digits ("m" | "g")             → network/router-100mbps (1g = 1,000 Mbps)
//	ipv4      = "global-ipaddress-v4/" digits                     → network/ipv4-28 (a /28 block: router + switch prefix)
//	licence   = "os/" word {"/" word}                             → licence/windows-rds-sal
//	host      = "host/" size-spec ["-" word]                      → host/200core-224gb-std (dedicated host)
//	appliance = "appliance/" word {"/" word}                      → appliance/loadbalancer-standard, appliance/vpcrouter-premium
//	switch    = "switch/" word                                    → network/switch-default
//	service   = ("gslb" | "dns" | "simplemon" | "autobackup") {"/" word} → other/dns, other/simplemon-…
//	ostorage  = "ostorage" {"/" word}                             left out: billed by the data stored and sent
//
// word is lower-case letters, digits, "_" and "-". The GPU model comes from
// the path when it names one; the V100's path does not (…-1gpu-g2), so then
// from the class's DisplayName ("…-V100x1"). A generation is kept out of the
// id, so is1a's H100 (…-g2) and is1b's (no -g2) are the same item in two zones,
// as the shipped catalogs have it; the ServiceClassPath stays on the item.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
)

// Codes of a class left out of an import (engine/problems.go holds their
// English templates). They are stable: the page words a reason by its code
// and args, and the README lists them.
const (
	ReasonNotPublic     engine.Code = "classNotPublic"     // IsPublic is false: not sold to the public
	ReasonNoPath        engine.Code = "classNoPath"        // no ServiceClassPath
	ReasonUnknownFamily engine.Code = "classUnknownFamily" // cloud/<family> is not in the grammar
	ReasonUnknownPath   engine.Code = "classUnknownPath"   // a known family, but the rest does not read
	ReasonUsageBased    engine.Code = "classUsageBased"    // priced by use (object storage; Base, PerUse, Traffic only)
	ReasonNoPrice       engine.Code = "classNoPrice"       // Price [] or no hourly, daily or monthly figure
	ReasonBackupNoPrice engine.Code = "classBackupNoPrice" // automatic backup: billed through its archives
	ReasonNoZone        engine.Code = "classNoZone"        // neither the price nor the document names a zone
	ReasonDuplicate     engine.Code = "classListedTwice"   // the same class twice in one zone
	ReasonSameItem      engine.Code = "classSameItem"      // another class of the zone became the same item
)

// pathItem is what the grammar reads from one path.
type pathItem struct {
	id            string
	kind          engine.Kind
	name          engine.Name
	family        string // plan, disk, …: for family-specific reasons
	cores, memory int
	diskType      string
	sizeGB        int
	bandwidthMbps int
	generation    int // 0 when the path names none
}

// leftOut is why a class did not become an item: a stable code and the
// values its message names, as name, value pairs.
type leftOut struct {
	code engine.Code
	args []string
}

var (
	wordRE    = regexp.MustCompile(`^[a-z0-9_]+(?:-[a-z0-9_]+)*$`)
	sizeSpec  = regexp.MustCompile(`^(\d{1,6})core-(\d{1,7})gb(?:-(.+))?$`)
	genRE     = regexp.MustCompile(`^g(\d{1,3})$`)
	gpuRE     = regexp.MustCompile(`^(\d{1,3})gpu$`)
	vramRE    = regexp.MustCompile(`^(\d{1,4})gbvram$`)
	modelRE   = regexp.MustCompile(`^[a-z]{1,2}\d{1,4}[a-z]{0,3}$`) // v100, h100, l40s, a100
	displayRE = regexp.MustCompile(`([A-Z]{1,2}\d{1,4}[A-Z]{0,3})x(\d{1,2})\b`)
	sizeRE    = regexp.MustCompile(`^(\d{1,6})([gt]?)$`)
	bwRE      = regexp.MustCompile(`^(\d{1,6})([mg])$`)
)

// serviceFamilies are the services with no size in their path, imported as
// "other" items when they have a price.
var serviceFamilies = map[string]engine.Name{
	"gslb":       {En: "GSLB (global load balancing)", Ja: "GSLB"},
	"dns":        {En: "DNS", Ja: "DNS"},
	"simplemon":  {En: "Simple monitoring", Ja: "シンプル監視"},
	"autobackup": {En: "Automatic backup", Ja: "自動バックアップ"},
}

// licenceNames are the licences seed 003 names; others keep a name made of
// their path (the Japanese one is the class's DisplayName anyway).
var licenceNames = map[string]engine.Name{
	"windows/datacenter": {En: "Windows Server licence (Datacenter Edition)", Ja: "Windows Server ライセンス(Datacenter Edition)"},
	"windows/rds-sal":    {En: "Windows Server licence (for RDS)", Ja: "Windows Server ライセンス(RDS用)"},
}

// readServiceClassPath applies the grammar; displayName may name a GPU model
// the path does not.
func readServiceClassPath(path, displayName string) (pathItem, *leftOut) {
	if path == "" {
		return pathItem{}, &leftOut{code: ReasonNoPath}
	}
	rest, ok := strings.CutPrefix(path, "cloud/")
	if !ok {
		return pathItem{}, unknownFamily(path, path)
	}
	family, tail, _ := strings.Cut(rest, "/")
	var it pathItem
	var fits bool
	switch family {
	case "plan":
		it, fits = planPath(tail, displayName)
	case "disk":
		it, fits = diskPath(tail)
	case "archive":
		it, fits = archivePath(tail)
	case "internet":
		it, fits = routerPath(tail)
	case "global-ipaddress-v4":
		it, fits = ipv4Path(tail)
	case "os":
		it, fits = wordsPath("licence/", engine.KindLicence, "Licence", "ライセンス", tail)
		if name, known := licenceNames[tail]; known {
			it.name = name
		}
	case "host":
		it, fits = hostPath(tail)
	case "appliance":
		it, fits = wordsPath("appliance/", engine.KindAppliance, "Appliance", "アプライアンス", tail)
	case "switch":
		it, fits = wordsPath("network/switch-", engine.KindNetwork, "Switch", "スイッチ", tail)
	case "ostorage":
		return pathItem{}, &leftOut{code: ReasonUsageBased, args: []string{"fields", "object storage: the data stored and sent"}}
	default:
		name, known := serviceFamilies[family]
		if !known {
			return pathItem{}, unknownFamily(path, "cloud/"+family)
		}
		id := "other/" + family
		if tail != "" {
			if !wordRE.MatchString(strings.ReplaceAll(tail, "/", "-")) {
				break
			}
			id += "-" + strings.ReplaceAll(tail, "/", "-")
			name = engine.Name{En: name.En + " (" + tail + ")", Ja: name.Ja + " (" + tail + ")"}
		}
		it, fits = pathItem{id: id, kind: engine.KindOther, name: name}, true
	}
	if !fits {
		return pathItem{}, &leftOut{code: ReasonUnknownPath, args: []string{"family", family, "expected", familyShape[family]}}
	}
	it.family = family
	return it, nil
}

// familyShape is each family's expected shape, for the reason of a path that
// does not read.
var familyShape = map[string]string{
	"plan":                "cloud/plan/N or cloud/plan/Ccore-Mgb[-1gpu[-model]][-gN]",
	"disk":                "cloud/disk/ssd|hdd|iscsi/SIZE, SIZE as 100g or 1t",
	"archive":             "cloud/archive/SIZE, SIZE as 100g or 1t",
	"internet":            "cloud/internet/router/100m or …/1g",
	"global-ipaddress-v4": "cloud/global-ipaddress-v4/PREFIX, PREFIX from 1 to 32",
	"os":                  "cloud/os/windows/EDITION",
	"host":                "cloud/host/Ccore-Mgb[-word]",
	"appliance":           "cloud/appliance/KIND[/PLAN]",
	"switch":              "cloud/switch/WORD",
	"gslb":                "cloud/gslb[/WORD]",
	"dns":                 "cloud/dns[/WORD]",
	"simplemon":           "cloud/simplemon[/WORD]",
	"autobackup":          "cloud/autobackup[/WORD]",
}

func unknownFamily(path, family string) *leftOut {
	return &leftOut{code: ReasonUnknownFamily, args: []string{"family", family}}
}

// planPath reads a server plan: legacy numbered, or sized with optional family
// words, GPUs, GPU model, generation and one more word.
func planPath(tail, displayName string) (pathItem, bool) {
	if _, ok := number(tail, 100000); ok {
		return pathItem{id: "server/plan-" + tail, kind: engine.KindServer,
			name: engine.Name{En: "Plan " + tail + " (legacy)", Ja: "プラン" + tail}}, true
	}
	segs := strings.Split(tail, "/")
	prefix := ""
	for _, w := range segs[:len(segs)-1] {
		if !wordRE.MatchString(w) {
			return pathItem{}, false
		}
		if w == "dedicatedcpu" {
			w = "dedicated"
		}
		prefix += w + "-"
	}
	m := sizeSpec.FindStringSubmatch(segs[len(segs)-1])
	if m == nil {
		return pathItem{}, false
	}
	cores, okC := number(m[1], 100000)
	memory, okM := number(m[2], 1000000)
	if !okC || !okM {
		return pathItem{}, false
	}
	it := pathItem{kind: engine.KindServer, cores: cores, memory: memory, name: serverName(cores, memory)}
	gpus, model, vram, extra := 0, "", 0, ""
	if m[3] != "" {
		parts := strings.Split(m[3], "-")
		for i, p := range parts {
			switch g, c := genRE.FindStringSubmatch(p), gpuRE.FindStringSubmatch(p); {
			case g != nil && i == len(parts)-1:
				it.generation, _ = strconv.Atoi(g[1])
			case c != nil && gpus == 0 && model == "":
				gpus, _ = strconv.Atoi(c[1])
			case g != nil: // a generation anywhere but last
				return pathItem{}, false
			case model == "" && (gpus > 0 || modelRE.MatchString(p)) && wordRE.MatchString(p):
				model, vram = gpuModel(p)
				if model == "" {
					return pathItem{}, false
				}
			case extra == "" && wordRE.MatchString(p) && !strings.Contains(p, "_"):
				extra = p
			default:
				return pathItem{}, false
			}
		}
	}
	if gpus > 0 || model != "" {
		if gpus == 0 {
			gpus = 1
		}
		if model == "" {
			// The V100's path names no model; its DisplayName does ("…-V100x1").
			if d := displayRE.FindStringSubmatch(displayName); d != nil {
				model = strings.ToLower(d[1])
			}
		}
		prefix = "gpu-" + strings.TrimPrefix(prefix, "gpu-")
		label := "NVIDIA GPU"
		if model != "" {
			label = "NVIDIA " + strings.ToUpper(model)
		}
		if vram > 0 {
			label += fmt.Sprintf(" %d GB", vram)
		}
		if gpus > 1 {
			label = fmt.Sprintf("%d × %s", gpus, label)
		}
		it.name = engine.Name{En: fmt.Sprintf("GPU %s, %s", it.name.En, label), Ja: fmt.Sprintf("GPU %s(%s)", it.name.Ja, label)}
	}
	it.id = fmt.Sprintf("server/%s%dcore-%dgb", prefix, cores, memory)
	if model != "" {
		it.id += "-" + model
	} else if gpus > 0 {
		it.id += "-gpu"
	}
	if gpus > 1 {
		it.id += fmt.Sprintf("x%d", gpus)
	}
	if extra != "" {
		it.id += "-" + extra
	}
	if strings.HasPrefix(prefix, "dedicated-") {
		it.name = engine.Name{En: "Dedicated CPU " + it.name.En, Ja: "コア専有 " + it.name.Ja}
	}
	if it.generation > 0 {
		it.name.En += fmt.Sprintf(" (generation %d)", it.generation)
		it.name.Ja += fmt.Sprintf("(第%d世代)", it.generation)
	}
	return it, true
}

// gpuModel reads "nvidia_h100_80gbvram" as H100 with 80 GB, "v100" as V100:
// the vendor is dropped, a memory size read, the rest is the model.
func gpuModel(word string) (model string, vramGB int) {
	var rest []string
	for _, p := range strings.Split(word, "_") {
		if v := vramRE.FindStringSubmatch(p); v != nil {
			vramGB, _ = strconv.Atoi(v[1])
			continue
		}
		if p == "nvidia" || p == "" {
			continue
		}
		rest = append(rest, p)
	}
	if len(rest) != 1 || !modelRE.MatchString(rest[0]) {
		return "", 0
	}
	return rest[0], vramGB
}

func diskPath(tail string) (pathItem, bool) {
	diskType, size, ok := strings.Cut(tail, "/")
	if !ok {
		return pathItem{}, false
	}
	label := map[string]engine.Name{"ssd": {En: "SSD", Ja: "SSDプラン"}, "hdd": {En: "HDD", Ja: "標準プラン(HDD)"}}
	switch diskType {
	case "iscsi":
		diskType = "hdd" // the standard (HDD) plan's class
	case "ssd", "hdd":
	default:
		return pathItem{}, false
	}
	gb, ok := sizeGB(size)
	if !ok {
		return pathItem{}, false
	}
	l := label[diskType]
	return pathItem{id: fmt.Sprintf("disk/%s-%dgb", diskType, gb), kind: engine.KindDisk, diskType: diskType, sizeGB: gb,
		name: engine.Name{En: fmt.Sprintf("%s disk %d GB", l.En, gb), Ja: fmt.Sprintf("%s %dGB", l.Ja, gb)}}, true
}

func archivePath(tail string) (pathItem, bool) {
	gb, ok := sizeGB(tail)
	if !ok {
		return pathItem{}, false
	}
	return pathItem{id: fmt.Sprintf("archive/%dgb", gb), kind: engine.KindOther, sizeGB: gb,
		name: engine.Name{En: fmt.Sprintf("Archive %d GB", gb), Ja: fmt.Sprintf("アーカイブ %dGB", gb)}}, true
}

// sizeGB reads 20g, 100 or 1t; a terabyte is 1,024 GB in SAKURA's disk plans.
func sizeGB(s string) (int, bool) {
	m := sizeRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n, ok := number(m[1], 100000000)
	if m[2] == "t" {
		n *= 1024
	}
	return n, ok
}

func routerPath(tail string) (pathItem, bool) {
	bw, ok := strings.CutPrefix(tail, "router/")
	m := bwRE.FindStringSubmatch(bw)
	if !ok || m == nil {
		return pathItem{}, false
	}
	mbps, ok := number(m[1], 100000)
	if m[2] == "g" {
		mbps *= 1000
	}
	return pathItem{id: fmt.Sprintf("network/router-%dmbps", mbps), kind: engine.KindNetwork, bandwidthMbps: mbps,
		name: engine.Name{En: fmt.Sprintf("Router + switch %d Mbps", mbps), Ja: fmt.Sprintf("ルータ+スイッチ %dMbps", mbps)}}, ok
}

func ipv4Path(tail string) (pathItem, bool) {
	prefix, ok := number(tail, 32)
	if !ok {
		return pathItem{}, false
	}
	return pathItem{id: fmt.Sprintf("network/ipv4-%d", prefix), kind: engine.KindNetwork,
		name: engine.Name{En: fmt.Sprintf("Global IPv4 addresses /%d (router + switch prefix)", prefix),
			Ja: fmt.Sprintf("グローバルIPv4アドレス /%d(ルータ+スイッチ)", prefix)}}, true
}

func hostPath(tail string) (pathItem, bool) {
	m := sizeSpec.FindStringSubmatch(tail)
	if m == nil || (m[3] != "" && !wordRE.MatchString(m[3])) {
		return pathItem{}, false
	}
	cores, okC := number(m[1], 100000)
	memory, okM := number(m[2], 1000000)
	name := serverName(cores, memory)
	return pathItem{id: "host/" + tail, kind: engine.KindOther, cores: cores, memory: memory,
		name: engine.Name{En: "Dedicated host " + name.En, Ja: "専有ホスト " + name.Ja}}, okC && okM
}

// wordsPath reads word {"/" word} into id prefix + the words joined by "-".
func wordsPath(idPrefix string, kind engine.Kind, en, ja, tail string) (pathItem, bool) {
	joined := strings.ReplaceAll(tail, "/", "-")
	if tail == "" || !wordRE.MatchString(joined) {
		return pathItem{}, false
	}
	return pathItem{id: idPrefix + joined, kind: kind,
		name: engine.Name{En: en + " " + strings.ReplaceAll(tail, "/", " "), Ja: ja + " " + strings.ReplaceAll(tail, "/", " ")}}, true
}

// number reads plain digits as a number from 1 to max.
func number(s string, max int) (int, bool) {
	if s == "" || len(s) > 9 || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= max
}

func serverName(cores, memory int) engine.Name {
	word := "cores"
	if cores == 1 {
		word = "core"
	}
	return engine.Name{En: fmt.Sprintf("%d %s / %d GB", cores, word, memory), Ja: fmt.Sprintf("%dコア / %dGB", cores, memory)}
}
