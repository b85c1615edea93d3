//go:build bench

package bench

import (
	"encoding/binary"
	"errors"
)

// wasmFunctionSizes reads a wasm module's code section and its "name"
// section: each defined function's name and body size, and the data
// segments' total. go tool nm does not read wasm.
func wasmFunctionSizes(b []byte) (funcs map[string]int, data int, err error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, 0, errors.New("not a wasm module")
	}
	var bodies []int
	imported := 0
	names := map[int]string{}
	p := b[8:]
	for len(p) > 0 {
		id := p[0]
		size, n := binary.Uvarint(p[1:])
		if n <= 0 || int(size) > len(p)-1-n {
			return nil, 0, errors.New("bad section")
		}
		sec := p[1+n : 1+n+int(size)]
		p = p[1+n+int(size):]
		switch id {
		case 2: // imports: functions among them take the first indices
			count, k := binary.Uvarint(sec)
			q := sec[k:]
			for i := 0; i < int(count); i++ {
				for j := 0; j < 2; j++ { // module and field names
					l, k := binary.Uvarint(q)
					q = q[k+int(l):]
				}
				kind := q[0]
				q = q[1:]
				switch kind {
				case 0:
					imported++
					_, k := binary.Uvarint(q)
					q = q[k:]
				case 1: // table: type, limits
					q = q[1:]
					q = skipLimits(q)
				case 2:
					q = skipLimits(q)
				case 3:
					q = q[2:]
				}
			}
		case 10:
			count, k := binary.Uvarint(sec)
			q := sec[k:]
			for i := 0; i < int(count); i++ {
				l, k := binary.Uvarint(q)
				bodies = append(bodies, int(l)+k)
				q = q[k+int(l):]
			}
		case 11:
			data += len(sec)
		case 0:
			l, k := binary.Uvarint(sec)
			if string(sec[k:k+int(l)]) != "name" {
				continue
			}
			q := sec[k+int(l):]
			for len(q) > 0 {
				sub := q[0]
				sl, k := binary.Uvarint(q[1:])
				body := q[1+k : 1+k+int(sl)]
				q = q[1+k+int(sl):]
				if sub != 1 {
					continue
				}
				count, k := binary.Uvarint(body)
				body = body[k:]
				for i := 0; i < int(count); i++ {
					idx, k := binary.Uvarint(body)
					body = body[k:]
					nl, k := binary.Uvarint(body)
					names[int(idx)] = string(body[k : k+int(nl)])
					body = body[k+int(nl):]
				}
			}
		}
	}
	funcs = map[string]int{}
	for i, size := range bodies {
		name := names[imported+i]
		if name == "" {
			name = "(unnamed)"
		}
		funcs[name] += size
	}
	return funcs, data, nil
}

func skipLimits(q []byte) []byte {
	flags := q[0]
	q = q[1:]
	_, k := binary.Uvarint(q)
	q = q[k:]
	if flags&1 != 0 {
		_, k = binary.Uvarint(q)
		q = q[k:]
	}
	return q
}
