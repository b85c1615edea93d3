package pricelist

import (
	"testing"

	"github.com/sakura-sim/pricesim/engine"
)

// Every family of price-api.md, each path read by hand against the grammar
// at the top of service_class.go.
func TestReadServiceClassPath(t *testing.T) {
	tests := []struct {
		path, display string
		id            string
		kind          engine.Kind
		cores, memory int
		diskType      string
		sizeGB, mbps  int
		generation    int
		nameEn        string
	}{
		{"cloud/plan/1", "", "server/plan-1", engine.KindServer, 0, 0, "", 0, 0, 0, "Plan 1 (legacy)"},
		{"cloud/plan/11", "", "server/plan-11", engine.KindServer, 0, 0, "", 0, 0, 0, "Plan 11 (legacy)"},
		{"cloud/plan/1core-1gb", "", "server/1core-1gb", engine.KindServer, 1, 1, "", 0, 0, 0, "1 core / 1 GB"},
		{"cloud/plan/1core-2gb", "", "server/1core-2gb", engine.KindServer, 1, 2, "", 0, 0, 0, "1 core / 2 GB"},
		{"cloud/plan/dedicatedcpu/4core-8gb", "", "server/dedicated-4core-8gb", engine.KindServer, 4, 8, "", 0, 0, 0, "Dedicated CPU 4 cores / 8 GB"},
		// V100, is1a: -g2 is the generation; the model comes from the DisplayName.
		{"cloud/plan/4core-56gb-1gpu-g2", "高火力 VRT/4Core-56GB-V100x1", "server/gpu-4core-56gb-v100", engine.KindServer, 4, 56, "", 0, 0, 2,
			"GPU 4 cores / 56 GB, NVIDIA V100 (generation 2)"},
		// H100, is1a (g2) and is1b (no generation): the same item.
		{"cloud/plan/24core-240gb-1gpu-nvidia_h100_80gbvram-g2", "高火力 VRT/24Core-240GB-H100x1", "server/gpu-24core-240gb-h100", engine.KindServer, 24, 240, "", 0, 0, 2,
			"GPU 24 cores / 240 GB, NVIDIA H100 80 GB (generation 2)"},
		{"cloud/plan/24core-240gb-1gpu-nvidia_h100_80gbvram", "", "server/gpu-24core-240gb-h100", engine.KindServer, 24, 240, "", 0, 0, 0,
			"GPU 24 cores / 240 GB, NVIDIA H100 80 GB"},
		// A GPU plan whose model neither path nor name gives.
		{"cloud/plan/4core-56gb-1gpu", "GPU plan", "server/gpu-4core-56gb-gpu", engine.KindServer, 4, 56, "", 0, 0, 0, "GPU 4 cores / 56 GB, NVIDIA GPU"},
		{"cloud/plan/2core-4gb-g3", "", "server/2core-4gb", engine.KindServer, 2, 4, "", 0, 0, 3, "2 cores / 4 GB (generation 3)"},
		{"cloud/disk/ssd/20g", "", "disk/ssd-20gb", engine.KindDisk, 0, 0, "ssd", 20, 0, 0, "SSD disk 20 GB"},
		{"cloud/disk/ssd/100g", "", "disk/ssd-100gb", engine.KindDisk, 0, 0, "ssd", 100, 0, 0, "SSD disk 100 GB"},
		{"cloud/disk/ssd/1t", "", "disk/ssd-1024gb", engine.KindDisk, 0, 0, "ssd", 1024, 0, 0, "SSD disk 1024 GB"},
		{"cloud/disk/iscsi/40g", "", "disk/hdd-40gb", engine.KindDisk, 0, 0, "hdd", 40, 0, 0, "HDD disk 40 GB"},
		{"cloud/disk/iscsi/2t", "", "disk/hdd-2048gb", engine.KindDisk, 0, 0, "hdd", 2048, 0, 0, "HDD disk 2048 GB"},
		{"cloud/disk/iscsi/4t", "", "disk/hdd-4096gb", engine.KindDisk, 0, 0, "hdd", 4096, 0, 0, "HDD disk 4096 GB"},
		{"cloud/disk/hdd/2048", "", "disk/hdd-2048gb", engine.KindDisk, 0, 0, "hdd", 2048, 0, 0, "HDD disk 2048 GB"},
		{"cloud/archive/100g", "", "archive/100gb", engine.KindOther, 0, 0, "", 100, 0, 0, "Archive 100 GB"},
		{"cloud/internet/router/100m", "", "network/router-100mbps", engine.KindNetwork, 0, 0, "", 0, 100, 0, "Router + switch 100 Mbps"},
		{"cloud/internet/router/10g", "", "network/router-10000mbps", engine.KindNetwork, 0, 0, "", 0, 10000, 0, "Router + switch 10000 Mbps"},
		{"cloud/global-ipaddress-v4/28", "", "network/ipv4-28", engine.KindNetwork, 0, 0, "", 0, 0, 0, "Global IPv4 addresses /28 (router + switch prefix)"},
		{"cloud/switch/default", "", "network/switch-default", engine.KindNetwork, 0, 0, "", 0, 0, 0, "Switch default"},
		{"cloud/os/windows/datacenter", "", "licence/windows-datacenter", engine.KindLicence, 0, 0, "", 0, 0, 0, "Windows Server licence (Datacenter Edition)"},
		{"cloud/os/windows/rds-sal", "", "licence/windows-rds-sal", engine.KindLicence, 0, 0, "", 0, 0, 0, "Windows Server licence (for RDS)"},
		{"cloud/host/200core-224gb-std", "", "host/200core-224gb-std", engine.KindOther, 200, 224, "", 0, 0, 0, "Dedicated host 200 cores / 224 GB"},
		{"cloud/appliance/loadbalancer/standard", "", "appliance/loadbalancer-standard", engine.KindAppliance, 0, 0, "", 0, 0, 0, "Appliance loadbalancer standard"},
		{"cloud/appliance/vpcrouter/premium", "", "appliance/vpcrouter-premium", engine.KindAppliance, 0, 0, "", 0, 0, 0, "Appliance vpcrouter premium"},
		{"cloud/gslb", "", "other/gslb", engine.KindOther, 0, 0, "", 0, 0, 0, "GSLB (global load balancing)"},
		{"cloud/dns", "", "other/dns", engine.KindOther, 0, 0, "", 0, 0, 0, "DNS"},
		{"cloud/simplemon/basic", "", "other/simplemon-basic", engine.KindOther, 0, 0, "", 0, 0, 0, "Simple monitoring (basic)"},
		{"cloud/autobackup", "", "other/autobackup", engine.KindOther, 0, 0, "", 0, 0, 0, "Automatic backup"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			it, out := readServiceClassPath(tt.path, tt.display)
			if out != nil {
				t.Fatalf("readServiceClassPath(%q) left it out: %s %v", tt.path, out.code, out.args)
			}
			if it.id != tt.id || it.kind != tt.kind || it.cores != tt.cores || it.memory != tt.memory ||
				it.diskType != tt.diskType || it.sizeGB != tt.sizeGB || it.bandwidthMbps != tt.mbps || it.generation != tt.generation {
				t.Errorf("readServiceClassPath(%q) = %s %s cores %d mem %d disk %q %d GB %d Mbps gen %d; want %s %s cores %d mem %d disk %q %d GB %d Mbps gen %d",
					tt.path, it.id, it.kind, it.cores, it.memory, it.diskType, it.sizeGB, it.bandwidthMbps, it.generation,
					tt.id, tt.kind, tt.cores, tt.memory, tt.diskType, tt.sizeGB, tt.mbps, tt.generation)
			}
			if it.name.En != tt.nameEn || it.name.Ja == "" {
				t.Errorf("readServiceClassPath(%q) name = %+v, want en %q and a Japanese name", tt.path, it.name, tt.nameEn)
			}
		})
	}
}

func TestReadServiceClassPath_LeftOut(t *testing.T) {
	tests := []struct {
		path string
		code engine.Code
	}{
		{"", ReasonNoPath},
		{"cloud/ostorage/bucket", ReasonUsageBased},
		{"cloud/sim/basic", ReasonUnknownFamily},
		{"cloud/webaccel", ReasonUnknownFamily},
		{"internet/router/100m", ReasonUnknownFamily},
		{"cloud/plan/4core", ReasonUnknownPath},
		{"cloud/plan/4core-8gb-1gpu-g2-g3", ReasonUnknownPath},
		{"cloud/plan/0core-8gb", ReasonUnknownPath},
		{"cloud/disk/nvme/100g", ReasonUnknownPath},
		{"cloud/disk/ssd/100x", ReasonUnknownPath},
		{"cloud/disk/ssd/0g", ReasonUnknownPath},
		{"cloud/internet/router/100", ReasonUnknownPath},
		{"cloud/global-ipaddress-v4/33", ReasonUnknownPath},
		{"cloud/os", ReasonUnknownPath},
		{"cloud/host/big", ReasonUnknownPath},
		{"cloud/appliance/Load Balancer", ReasonUnknownPath},
		// Near misses, family by family, read by hand against the grammar.
		{"cloud/plan/1234567core-8gb", ReasonUnknownPath},                  // more than 6 digits of cores
		{"cloud/plan/4core-12345678gb", ReasonUnknownPath},                 // more than 7 digits of memory
		{"cloud/plan/4core-8gb-", ReasonUnknownPath},                       // a hyphen and nothing after it
		{"cloud/plan/4core-8gb-1gpu-\n", ReasonUnknownPath},                // a line break in the rest
		{"cloud/plan/4core-8gb-1gpu-1gpu", ReasonUnknownPath},              // GPUs counted twice
		{"cloud/plan/4core-8gb-1gpu-nvidia_x_80gbvram", ReasonUnknownPath}, // no model left once vendor and memory are read
		{"cloud/plan/4core-8gb-1gpu-abc100", ReasonUnknownPath},            // three letters are no model
		{"cloud/plan/Std/4core-8gb", ReasonUnknownPath},                    // family words are lower-case
		{"cloud/plan/４core-8gb", ReasonUnknownPath},                        // full-width digits are not digits
		{"cloud/disk/ssd/1234567g", ReasonUnknownPath},                     // more than 6 digits
		{"cloud/disk/ssd/100gb", ReasonUnknownPath},                        // the unit is one letter
		{"cloud/disk/ssd", ReasonUnknownPath},                              // no size
		{"cloud/archive/1tb", ReasonUnknownPath},
		{"cloud/internet/router/100M", ReasonUnknownPath}, // units are lower-case
		{"cloud/internet/router/1t", ReasonUnknownPath},
		{"cloud/internet/router/1234567m", ReasonUnknownPath},
		{"cloud/internet/switch/100m", ReasonUnknownPath},
		{"cloud/global-ipaddress-v4/0", ReasonUnknownPath},
		{"cloud/global-ipaddress-v4/28a", ReasonUnknownPath},
		{"cloud/os/windows--rds", ReasonUnknownPath}, // an empty word between hyphens
		{"cloud/os/-windows", ReasonUnknownPath},
		{"cloud/host/200core-224gb-Std", ReasonUnknownPath},
		{"cloud/host/200core-224gb-std/x", ReasonUnknownPath},
		{"cloud/switch/", ReasonUnknownPath},
		{"cloud/switch/a b", ReasonUnknownPath},
		{"cloud/dns/A", ReasonUnknownPath},
		{"cloud/gslb/-", ReasonUnknownPath},
	}
	for _, tt := range tests {
		it, out := readServiceClassPath(tt.path, "")
		if out == nil {
			t.Errorf("readServiceClassPath(%q) = %s, want it left out with %s", tt.path, it.id, tt.code)
			continue
		}
		if out.code != tt.code || engine.Template(out.code) == "" {
			t.Errorf("readServiceClassPath(%q) left out with %s, want %s (with a message)", tt.path, out.code, tt.code)
		}
	}
}
