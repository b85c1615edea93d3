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
			if !isWord(strings.ReplaceAll(tail, "/", "-")) {
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
		if !isWord(w) {
			return pathItem{}, false
		}
		if w == "dedicatedcpu" {
			w = "dedicated"
		}
		prefix += w + "-"
	}
	coreDigits, memoryDigits, rest, ok := splitSizeSpec(segs[len(segs)-1])
	if !ok {
		return pathItem{}, false
	}
	cores, okC := number(coreDigits, 100000)
	memory, okM := number(memoryDigits, 1000000)
	if !okC || !okM {
		return pathItem{}, false
	}
	it := pathItem{kind: engine.KindServer, cores: cores, memory: memory, name: serverName(cores, memory)}
	gpus, model, vram, extra := 0, "", 0, ""
	if rest != "" {
		parts := strings.Split(rest, "-")
		for i, p := range parts {
			gen, isGen := generationWord(p)
			count, isCount := gpuCountWord(p)
			switch {
			case isGen && i == len(parts)-1:
				it.generation, _ = strconv.Atoi(gen)
			case isCount && gpus == 0 && model == "":
				gpus, _ = strconv.Atoi(count)
			case isGen: // a generation anywhere but last
				return pathItem{}, false
			case model == "" && (gpus > 0 || isGPUModel(p)) && isWord(p):
				model, vram = gpuModel(p)
				if model == "" {
					return pathItem{}, false
				}
			case extra == "" && isWord(p) && !strings.Contains(p, "_"):
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
			if d, found := displayGPUModel(displayName); found {
				model = strings.ToLower(d)
			}
		}
		prefix = "gpu-" + strings.TrimPrefix(prefix, "gpu-")
		label := "NVIDIA GPU"
		if model != "" {
			label = "NVIDIA " + strings.ToUpper(model)
		}
		if vram > 0 {
			label += " " + strconv.Itoa(vram) + " GB"
		}
		if gpus > 1 {
			label = strconv.Itoa(gpus) + " × " + label
		}
		it.name = engine.Name{En: "GPU " + it.name.En + ", " + label, Ja: "GPU " + it.name.Ja + "(" + label + ")"}
	}
	it.id = "server/" + prefix + strconv.Itoa(cores) + "core-" + strconv.Itoa(memory) + "gb"
	if model != "" {
		it.id += "-" + model
	} else if gpus > 0 {
		it.id += "-gpu"
	}
	if gpus > 1 {
		it.id += "x" + strconv.Itoa(gpus)
	}
	if extra != "" {
		it.id += "-" + extra
	}
	if strings.HasPrefix(prefix, "dedicated-") {
		it.name = engine.Name{En: "Dedicated CPU " + it.name.En, Ja: "コア専有 " + it.name.Ja}
	}
	if it.generation > 0 {
		it.name.En += " (generation " + strconv.Itoa(it.generation) + ")"
		it.name.Ja += "(第" + strconv.Itoa(it.generation) + "世代)"
	}
	return it, true
}

// gpuModel reads "nvidia_h100_80gbvram" as H100 with 80 GB, "v100" as V100:
// the vendor is dropped, a memory size read, the rest is the model.
func gpuModel(word string) (model string, vramGB int) {
	var rest []string
	for _, p := range strings.Split(word, "_") {
		if v, ok := vramWord(p); ok {
			vramGB, _ = strconv.Atoi(v)
			continue
		}
		if p == "nvidia" || p == "" {
			continue
		}
		rest = append(rest, p)
	}
	if len(rest) != 1 || !isGPUModel(rest[0]) {
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
	n := strconv.Itoa(gb)
	return pathItem{id: "disk/" + diskType + "-" + n + "gb", kind: engine.KindDisk, diskType: diskType, sizeGB: gb,
		name: engine.Name{En: l.En + " disk " + n + " GB", Ja: l.Ja + " " + n + "GB"}}, true
}

func archivePath(tail string) (pathItem, bool) {
	gb, ok := sizeGB(tail)
	if !ok {
		return pathItem{}, false
	}
	n := strconv.Itoa(gb)
	return pathItem{id: "archive/" + n + "gb", kind: engine.KindOther, sizeGB: gb,
		name: engine.Name{En: "Archive " + n + " GB", Ja: "アーカイブ " + n + "GB"}}, true
}

// sizeGB reads 20g, 100 or 1t; a terabyte is 1,024 GB in SAKURA's disk plans.
func sizeGB(s string) (int, bool) {
	digits, unit, ok := sizeWord(s)
	if !ok {
		return 0, false
	}
	n, ok := number(digits, 100000000)
	if unit == "t" {
		n *= 1024
	}
	return n, ok
}

func routerPath(tail string) (pathItem, bool) {
	bw, ok := strings.CutPrefix(tail, "router/")
	digits, unit, fits := bandwidthWord(bw)
	if !ok || !fits {
		return pathItem{}, false
	}
	mbps, ok := number(digits, 100000)
	if unit == "g" {
		mbps *= 1000
	}
	n := strconv.Itoa(mbps)
	return pathItem{id: "network/router-" + n + "mbps", kind: engine.KindNetwork, bandwidthMbps: mbps,
		name: engine.Name{En: "Router + switch " + n + " Mbps", Ja: "ルータ+スイッチ " + n + "Mbps"}}, ok
}

func ipv4Path(tail string) (pathItem, bool) {
	prefix, ok := number(tail, 32)
	if !ok {
		return pathItem{}, false
	}
	n := strconv.Itoa(prefix)
	return pathItem{id: "network/ipv4-" + n, kind: engine.KindNetwork,
		name: engine.Name{En: "Global IPv4 addresses /" + n + " (router + switch prefix)",
			Ja: "グローバルIPv4アドレス /" + n + "(ルータ+スイッチ)"}}, true
}

func hostPath(tail string) (pathItem, bool) {
	coreDigits, memoryDigits, rest, ok := splitSizeSpec(tail)
	if !ok || (rest != "" && !isWord(rest)) {
		return pathItem{}, false
	}
	cores, okC := number(coreDigits, 100000)
	memory, okM := number(memoryDigits, 1000000)
	name := serverName(cores, memory)
	return pathItem{id: "host/" + tail, kind: engine.KindOther, cores: cores, memory: memory,
		name: engine.Name{En: "Dedicated host " + name.En, Ja: "専有ホスト " + name.Ja}}, okC && okM
}

// wordsPath reads word {"/" word} into id prefix + the words joined by "-".
func wordsPath(idPrefix string, kind engine.Kind, en, ja, tail string) (pathItem, bool) {
	joined := strings.ReplaceAll(tail, "/", "-")
	if tail == "" || !isWord(joined) {
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
	c, m := strconv.Itoa(cores), strconv.Itoa(memory)
	return engine.Name{En: c + " " + word + " / " + m + " GB", Ja: c + "コア / " + m + "GB"}
}
