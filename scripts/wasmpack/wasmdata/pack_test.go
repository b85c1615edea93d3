package wasmdata

import (
	"bytes"
	"strings"
	"testing"
)

// module builds a small wasm module by hand: a memory section, an optional
// DataCount section, a data section of the given segments (raw bodies) and a
// custom section after it, which Pack must copy as it is.
func module(dataCount bool, segments ...[]byte) []byte {
	b := append([]byte(nil), wasmHeader...)
	b = append(b, 5, 3, 1, 0, 1) // memory section: one memory, min 1 page
	if dataCount {
		b = append(b, sectionDataCount, 1, byte(len(segments)))
	}
	body := appendU32(nil, uint32(len(segments)))
	for _, s := range segments {
		body = append(body, s...)
	}
	b = append(b, sectionData)
	b = appendU32(b, uint32(len(body)))
	b = append(b, body...)
	return append(b, 0, 5, 4, 'n', 'o', 't', 'e') // custom section "note", empty
}

// active is an active segment of memory 0 at offset holding data.
func active(offset int32, data string) []byte {
	b := []byte{activeMemory0, opI32Const}
	b = appendS32(b, offset)
	b = append(b, opEnd)
	b = appendU32(b, uint32(len(data)))
	return append(b, data...)
}

func TestPack(t *testing.T) {
	tests := []struct {
		name      string
		dataCount bool
		segments  [][]byte
		gap       int
		want      [][]byte
		zeros     int
	}{
		{"adjacent segments join", false, [][]byte{active(16, "ab"), active(18, "cd")}, 0,
			[][]byte{active(16, "abcd")}, 0},
		{"a gap of 3 within 4 is written as zeros", true, [][]byte{active(16, "ab"), active(21, "cd")}, 4,
			[][]byte{active(16, "ab\x00\x00\x00cd")}, 3},
		{"a gap of 5 over 4 stays a gap", true, [][]byte{active(16, "ab"), active(23, "cd")}, 4,
			[][]byte{active(16, "ab"), active(23, "cd")}, 0},
		{"out of order: sorted by offset, then joined", true, [][]byte{active(300, "z"), active(16, "ab"), active(19, "c")}, 1,
			[][]byte{active(16, "ab\x00c"), active(300, "z")}, 1},
		{"three into one across offsets of several LEB bytes", true, [][]byte{active(127, "a"), active(128, "b"), active(16384, "c")}, 1 << 16,
			[][]byte{active(127, "ab"+strings.Repeat("\x00", 16384-129)+"c")}, 16384 - 129},
		{"empty segments", false, [][]byte{active(16, ""), active(16, "ab"), active(18, "")}, 0,
			[][]byte{active(16, "ab")}, 0},
		{"no segments", true, nil, 8, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, st, err := Pack(module(tt.dataCount, tt.segments...), tt.gap)
			if err != nil {
				t.Fatalf("Pack: %v", err)
			}
			if want := module(false, tt.want...); tt.dataCount {
				// The DataCount placeholder is five bytes wide.
				want = append([]byte(nil), wasmHeader...)
				want = append(want, 5, 3, 1, 0, 1, sectionDataCount, 5)
				want = append(want, byte(len(tt.want))|0x80, 0x80, 0x80, 0x80, 0)
				want = append(want, module(false, tt.want...)[len(wasmHeader)+5:]...)
				if !bytes.Equal(got, want) {
					t.Errorf("Pack = % x\nwant   % x", got, want)
				}
			} else if !bytes.Equal(got, want) {
				t.Errorf("Pack = % x\nwant   % x", got, want)
			}
			if st.SegmentsBefore != len(tt.segments) || st.SegmentsAfter != len(tt.want) || st.ZeroBytesAdded != tt.zeros {
				t.Errorf("stats = %+v, want %d → %d segments, %d zeros", st, len(tt.segments), len(tt.want), tt.zeros)
			}
		})
	}
}

func TestPack_Refused(t *testing.T) {
	passive := []byte{1, 2, 'a', 'b'}
	otherMemory := []byte{2, 1, opI32Const, 16, opEnd, 1, 'a'}
	global := []byte{activeMemory0, 0x23, 0, opEnd, 1, 'a'} // global.get 0
	tests := []struct {
		name   string
		module []byte
		want   string
	}{
		{"not wasm", []byte("\x00asm\x02\x00\x00\x00"), "not a WebAssembly module"},
		{"overlapping", module(false, active(16, "abcd"), active(18, "x")), "overlaps"},
		{"overlapping out of order", module(false, active(18, "x"), active(16, "abcd")), "overlaps"},
		{"the same offset twice", module(false, active(16, "a"), active(16, "b")), "overlaps"},
		{"passive", module(false, active(16, "a"), passive), "only active segments of memory 0"},
		{"another memory", module(false, otherMemory), "only active segments of memory 0"},
		{"an offset from a global", module(false, global), "not one i32.const"},
		{"a segment cut short", module(false, active(16, "abc"))[:len(module(false, active(16, "abc")))-8], "bytes"},
		{"a truncated section size", append(append([]byte(nil), wasmHeader...), 1, 0x80), "size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Pack(tt.module, 64)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Pack(%s) = %v, want an error saying %q", tt.name, err, tt.want)
			}
		})
	}
}

func TestLEB128(t *testing.T) {
	for _, v := range []int32{0, 1, 63, 64, -1, -64, -65, 127, 128, 8191, 8192, 1<<31 - 1, -1 << 31} {
		got, n, err := readS32(appendS32(nil, v))
		if err != nil || got != v || n != len(appendS32(nil, v)) {
			t.Errorf("readS32(appendS32(%d)) = %d, %d, %v", v, got, n, err)
		}
	}
	for _, v := range []uint32{0, 1, 127, 128, 16383, 16384, 1<<32 - 1} {
		got, _, err := readU32(appendU32(nil, v))
		var padded [5]byte
		putU32Padded(padded[:], v)
		again, n, err2 := readU32(padded[:])
		if err != nil || got != v || err2 != nil || again != v || n != 5 {
			t.Errorf("readU32 of %d = %d (%v), padded %d (%v)", v, got, err, again, err2)
		}
	}
	// i32.const 426432 as Go's linker writes it, and 2^31 as unsigned memory.
	if got, _, _ := readS32([]byte{0xc0, 0x83, 0x1a}); got != 426432 {
		t.Errorf("readS32(c0 83 1a) = %d, want 426432", got)
	}
}
