// Package wasmdata merges the data segments of a wasm module (see Pack):
// scripts/wasmpack runs it after the linker, scripts/dist on what it ships.
package wasmdata

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// The parts of the WebAssembly binary format (https://webassembly.github.io/spec/core/binary/)
// the packer reads and writes.
const (
	sectionData      = 11
	sectionDataCount = 12
	opI32Const       = 0x41
	opEnd            = 0x0b
	activeMemory0    = 0 // a data segment's flags: active, memory 0, offset expression
)

var wasmHeader = []byte("\x00asm\x01\x00\x00\x00")

// segment is an active data segment of memory 0 placed at a constant offset.
type segment struct {
	offset uint32
	data   []byte
}

func (s segment) end() uint64 { return uint64(s.offset) + uint64(len(s.data)) }

// DefaultGap is the widest run of zeros written out rather than skipped: the
// gap that gave the smallest brotli -q 11 wasm when measured (BENCHMARKS.md,
// "The wasm": 64 to 65,536 bytes all came within 1.5 KB of each other; 256
// was the smallest).
const DefaultGap = 256

// Stats says what Pack did.
type Stats struct {
	SegmentsBefore, SegmentsAfter int
	ZeroBytesAdded                int
}

// Pack rewrites module's data section, merging each data segment into the one
// before it when the gap between them is at most maxGap bytes. The gap is
// written as zeros, which changes nothing: linear memory starts zeroed, and
// no segment of a module Pack accepts writes there: segments are taken in
// order of their offsets and may not overlap, so none lies inside a gap. A DataCount section, if any, is given the new count. Every other
// section is copied as it is.
//
// Pack refuses a module it cannot prove this for: a segment that is passive,
// for another memory, or placed by anything but one i32.const; overlapping
// segments; a malformed module.
func Pack(module []byte, maxGap int) ([]byte, Stats, error) {
	var st Stats
	if !bytes.HasPrefix(module, wasmHeader) {
		return nil, st, errors.New("not a WebAssembly module (version 1)")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(module)))
	out.Write(wasmHeader)
	var merged []segment
	dataCountAt := -1 // where the DataCount section's body is written in out
	seenData := false
	p := module[len(wasmHeader):]
	for len(p) > 0 {
		id := p[0]
		size, n, err := readU32(p[1:])
		if err != nil {
			return nil, st, fmt.Errorf("section %d: size: %w", id, err)
		}
		start := 1 + n
		if uint64(size) > uint64(len(p)-start) {
			return nil, st, fmt.Errorf("section %d: %d bytes, only %d left", id, size, len(p)-start)
		}
		body := p[start : start+int(size)]
		p = p[start+int(size):]
		switch id {
		case sectionData:
			if seenData {
				return nil, st, errors.New("two data sections")
			}
			seenData = true
			segs, err := readDataSection(body)
			if err != nil {
				return nil, st, err
			}
			st.SegmentsBefore = len(segs)
			merged, st.ZeroBytesAdded, err = mergeSegments(segs, maxGap)
			if err != nil {
				return nil, st, err
			}
			st.SegmentsAfter = len(merged)
			writeSection(out, sectionData, dataSection(merged))
		case sectionDataCount:
			if _, n, err := readU32(body); err != nil || n != len(body) {
				return nil, st, errors.New("malformed DataCount section")
			}
			// The count is known only once the data section, which comes
			// later, is read: leave a fixed-width placeholder.
			out.WriteByte(sectionDataCount)
			out.WriteByte(5)
			dataCountAt = out.Len()
			out.Write(make([]byte, 5))
		default:
			writeSection(out, id, body)
		}
	}
	b := out.Bytes()
	if dataCountAt >= 0 {
		if !seenData {
			return nil, st, errors.New("a DataCount section without a data section")
		}
		putU32Padded(b[dataCountAt:dataCountAt+5], uint32(len(merged)))
	}
	return b, st, nil
}

func readDataSection(body []byte) ([]segment, error) {
	count, n, err := readU32(body)
	if err != nil {
		return nil, fmt.Errorf("data section: count: %w", err)
	}
	p := body[n:]
	segs := make([]segment, 0, count)
	for i := uint32(0); i < count; i++ {
		flags, n, err := readU32(p)
		if err != nil {
			return nil, fmt.Errorf("data segment %d: flags: %w", i, err)
		}
		if flags != activeMemory0 {
			return nil, fmt.Errorf("data segment %d: flags %d: only active segments of memory 0 are packed", i, flags)
		}
		p = p[n:]
		if len(p) == 0 || p[0] != opI32Const {
			return nil, fmt.Errorf("data segment %d: its offset is not one i32.const", i)
		}
		offset, n, err := readS32(p[1:])
		if err != nil {
			return nil, fmt.Errorf("data segment %d: offset: %w", i, err)
		}
		p = p[1+n:]
		if len(p) == 0 || p[0] != opEnd {
			return nil, fmt.Errorf("data segment %d: its offset is not one i32.const", i)
		}
		p = p[1:]
		size, n, err := readU32(p)
		if err != nil || uint64(size) > uint64(len(p)-n) {
			return nil, fmt.Errorf("data segment %d: bad size", i)
		}
		segs = append(segs, segment{offset: uint32(offset), data: p[n : n+int(size)]})
		p = p[n+int(size):]
	}
	if len(p) != 0 {
		return nil, fmt.Errorf("data section: %d bytes after the last segment", len(p))
	}
	return segs, nil
}

// mergeSegments sorts the segments by offset and joins neighbours at most
// maxGap bytes apart. Go's linker writes each of its sections' segments in
// turn, not in address order; the order of active segments matters only where
// they overlap, which is refused, so sorting them changes nothing.
func mergeSegments(segs []segment, maxGap int) ([]segment, int, error) {
	sorted := slices.Clone(segs)
	slices.SortStableFunc(sorted, func(a, b segment) int { return cmp.Compare(a.offset, b.offset) })
	var out []segment
	added := 0
	for i, s := range sorted {
		if i > 0 {
			prev := sorted[i-1]
			if uint64(s.offset) < prev.end() {
				return nil, 0, fmt.Errorf("the data segment at %d (%d bytes) overlaps the one at %d (%d bytes): not packed", s.offset, len(s.data), prev.offset, len(prev.data))
			}
			last := &out[len(out)-1]
			if gap := uint64(s.offset) - last.end(); gap <= uint64(maxGap) {
				last.data = append(last.data, make([]byte, gap)...)
				last.data = append(last.data, s.data...)
				added += int(gap)
				continue
			}
		}
		out = append(out, segment{offset: s.offset, data: append([]byte(nil), s.data...)})
	}
	return out, added, nil
}

func dataSection(segs []segment) []byte {
	b := appendU32(nil, uint32(len(segs)))
	for _, s := range segs {
		b = appendU32(b, activeMemory0)
		b = append(b, opI32Const)
		b = appendS32(b, int32(s.offset))
		b = append(b, opEnd)
		b = appendU32(b, uint32(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

func writeSection(out *bytes.Buffer, id byte, body []byte) {
	out.WriteByte(id)
	out.Write(appendU32(nil, uint32(len(body))))
	out.Write(body)
}

// LEB128, as the binary format writes integers.

func readU32(b []byte) (uint32, int, error) {
	var v uint64
	for i := 0; i < 5; i++ {
		if i >= len(b) {
			return 0, 0, errors.New("truncated integer")
		}
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i]&0x80 == 0 {
			if v > 0xffffffff {
				return 0, 0, errors.New("integer too large")
			}
			return uint32(v), i + 1, nil
		}
	}
	return 0, 0, errors.New("integer too long")
}

func readS32(b []byte) (int32, int, error) {
	var v int64
	for i := 0; i < 5; i++ {
		if i >= len(b) {
			return 0, 0, errors.New("truncated integer")
		}
		v |= int64(b[i]&0x7f) << (7 * i)
		if b[i]&0x80 == 0 {
			shift := 7 * (i + 1)
			if shift < 64 && b[i]&0x40 != 0 {
				v |= -1 << shift
			}
			if v < -1<<31 || v > 1<<31-1 {
				return 0, 0, errors.New("integer out of range")
			}
			return int32(v), i + 1, nil
		}
	}
	return 0, 0, errors.New("integer too long")
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendS32(b []byte, v int32) []byte {
	x := int64(v)
	for {
		c := byte(x & 0x7f)
		x >>= 7
		if x == 0 && c&0x40 == 0 || x == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// putU32Padded writes v in exactly five bytes, as a placeholder's width.
func putU32Padded(b []byte, v uint32) {
	for i := 0; i < 4; i++ {
		b[i] = byte(v&0x7f) | 0x80
		v >>= 7
	}
	b[4] = byte(v & 0x7f)
}
