package pricelist

import (
	"testing"

	"github.com/sakura-sim/pricesim/engine"
)

func TestOfficialItem(t *testing.T) {
	tests := []struct {
		path, id, kind    string
		cores, memory     int
		diskType          string
		sizeGB, bandwidth int
	}{
		{"cloud/plan/4core-8gb", "server/4core-8gb", engine.KindServer, 4, 8, "", 0, 0},
		{"cloud/plan/1core-1gb", "server/1core-1gb", engine.KindServer, 1, 1, "", 0, 0},
		{"cloud/plan/2", "server/plan-2", engine.KindServer, 0, 0, "", 0, 0},
		{"cloud/plan/4core-56gb-v100", "server/gpu-4core-56gb-v100", engine.KindServer, 4, 56, "", 0, 0},
		{"cloud/plan/dedicatedcpu/10core-96gb", "server/dedicated-10core-96gb", engine.KindServer, 10, 96, "", 0, 0},
		{"cloud/plan/amd/32core-120gb", "server/amd-32core-120gb", engine.KindServer, 32, 120, "", 0, 0},
		{"cloud/disk/ssd/100", "disk/ssd-100gb", engine.KindDisk, 0, 0, "ssd", 100, 0},
		{"cloud/disk/hdd/12288", "disk/hdd-12288gb", engine.KindDisk, 0, 0, "hdd", 12288, 0},
		{"cloud/internet/router/100m", "network/router-100mbps", engine.KindNetwork, 0, 0, "", 0, 100},
		{"cloud/internet/router/5000m", "network/router-5000mbps", engine.KindNetwork, 0, 0, "", 0, 5000},
		{"cloud/internet/router/2g", "network/router-2000mbps", engine.KindNetwork, 0, 0, "", 0, 2000},
	}
	for _, tt := range tests {
		it, why := officialItem(tt.path)
		if why != "" {
			t.Errorf("officialItem(%q) gave reason %q, want %s", tt.path, why, tt.id)
			continue
		}
		if it.ID != tt.id || it.Kind != tt.kind || it.Cores != tt.cores || it.MemoryGB != tt.memory ||
			it.DiskType != tt.diskType || it.SizeGB != tt.sizeGB || it.BandwidthMbps != tt.bandwidth {
			t.Errorf("officialItem(%q) = %+v, want %s", tt.path, it, tt.id)
		}
		if it.Name.En == "" {
			t.Errorf("officialItem(%q) has no English name", tt.path)
		}
	}
	for _, path := range []string{"", "cloud/autobackup", "cloud/plan/", "cloud/plan/4core", "cloud/disk/ssd/", "cloud/disk/nvme/100",
		"cloud/internet/router/", "cloud/plan/0core-1gb", "cloud/license/windows-rds"} {
		if it, why := officialItem(path); why == "" {
			t.Errorf("officialItem(%q) = %s, want a reason it is not mapped", path, it.ID)
		}
	}
}
