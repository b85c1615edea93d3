package document

import (
	"github.com/sakura-sim/pricesim/engine"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Number is a JSON number exactly as written, so no figure passes through a
// float on its way in.
type Number string

// maxDepth bounds nesting as encoding/json does, so a hostile document cannot
// exhaust the stack.
const maxDepth = 10000

// Parse reads one JSON document into generic values: map[string]any,
// []any, Number, string, bool and nil. It makes one pass over data, so its
// time grows linearly with the document, and it reports every key given twice
// in one object (dups, JSON paths in document order; the last value is kept,
// as encoding/json keeps it). Its error completes a sentence about the
// document ("the scenario ...") and says where the syntax breaks, as a line
// and column a user can find.
func Parse(data []byte) (v any, dups []string, err error) {
	p := &parser{data: data}
	p.skipSpace()
	if p.pos == len(data) {
		return nil, nil, &SyntaxError{Code: "emptyDocument"}
	}
	v, ok := p.value()
	if !ok {
		return nil, nil, p.err
	}
	p.skipSpace()
	if p.pos < len(data) {
		line, col := lineColumn(data, p.pos)
		return nil, nil, &SyntaxError{Code: "trailingData", Line: line, Column: col}
	}
	return v, p.dups, nil
}

// SyntaxError is a document that is not JSON at all: Code is emptyDocument,
// badJSON, truncatedJSON, trailingData or tooDeep.
type SyntaxError struct {
	Code         engine.Code
	Detail       string // badJSON: what is wrong, worded as encoding/json words it
	Line, Column int
}

func (e *SyntaxError) Error() string {
	return e.Problem("", SubjectText(engine.SubjectDocument)).Message
}

// Problem is e as a problem of the document at path; subject names the
// document in words ("the scenario", "the price document").
func (e *SyntaxError) Problem(path, subject string) engine.FieldError {
	args := []string{"document", subject}
	switch e.Code {
	case "badJSON":
		args = append(args, "detail", e.Detail, "line", strconv.Itoa(e.Line), "column", strconv.Itoa(e.Column))
	case "trailingData":
		args = append(args, "line", strconv.Itoa(e.Line), "column", strconv.Itoa(e.Column))
	case "tooDeep":
		args = append(args, "max", strconv.Itoa(maxDepth))
	}
	return engine.NewFieldError(path, e.Code, args...)
}

// SubjectText is a document's subject as its messages name it.
func SubjectText(subject string) string {
	if subject == "" {
		return engine.SubjectDocument
	}
	return subject
}

// parser is a recursive-descent JSON reader over a byte slice.
type parser struct {
	data  []byte
	pos   int
	depth int
	// path holds, for each open container, the key or index being read;
	// it is turned into a string only when a duplicate is found.
	path []pathStep
	dups []string
	err  *SyntaxError
}

type pathStep struct {
	key   string
	index int
	inArr bool
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

// fail records the first syntax error, worded as encoding/json words it.
func (p *parser) fail(context string) {
	if p.pos >= len(p.data) {
		p.err = &SyntaxError{Code: "truncatedJSON"}
		return
	}
	line, col := lineColumn(p.data, p.pos)
	p.err = &SyntaxError{Code: "badJSON", Detail: "invalid character " + quoteChar(p.data[p.pos]) + " " + context,
		Line: line, Column: col}
}

func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

func (p *parser) value() (any, bool) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		p.fail("")
		return nil, false
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.string("in string literal")
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	}
	p.fail("looking for beginning of value")
	return nil, false
}

func (p *parser) literal(word string) bool {
	p.pos++ // the first letter was checked by value
	for i := 1; i < len(word); i++ {
		if p.pos >= len(p.data) || p.data[p.pos] != word[i] {
			p.fail("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
			return false
		}
		p.pos++
	}
	return true
}

func (p *parser) enter() bool {
	p.depth++
	if p.depth > maxDepth {
		p.err = &SyntaxError{Code: "tooDeep"}
		return false
	}
	return true
}

func (p *parser) object() (any, bool) {
	if !p.enter() {
		return nil, false
	}
	p.pos++ // '{'
	obj := map[string]any{}
	p.path = append(p.path, pathStep{})
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		p.path, p.depth = p.path[:len(p.path)-1], p.depth-1
		return obj, true
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			p.fail("looking for beginning of object key string")
			return nil, false
		}
		k, ok := p.string("in string literal")
		if !ok {
			return nil, false
		}
		key := k.(string)
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			p.fail("after object key")
			return nil, false
		}
		p.pos++
		p.path[len(p.path)-1].key = key
		if _, given := obj[key]; given {
			p.dups = append(p.dups, p.pathString())
		}
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		obj[key] = v
		p.skipSpace()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			p.path, p.depth = p.path[:len(p.path)-1], p.depth-1
			return obj, true
		}
		p.fail("after object key:value pair")
		return nil, false
	}
}

func (p *parser) array() (any, bool) {
	if !p.enter() {
		return nil, false
	}
	p.pos++ // '['
	list := []any{}
	p.path = append(p.path, pathStep{inArr: true})
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		p.path, p.depth = p.path[:len(p.path)-1], p.depth-1
		return list, true
	}
	for {
		p.path[len(p.path)-1].index = len(list)
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		list = append(list, v)
		p.skipSpace()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			p.path, p.depth = p.path[:len(p.path)-1], p.depth-1
			return list, true
		}
		p.fail("after array element")
		return nil, false
	}
}

// pathString is the JSON path of the value being read.
func (p *parser) pathString() string {
	path := ""
	for _, s := range p.path {
		if s.inArr {
			path = Index(path, s.index)
		} else {
			path = Join(path, s.key)
		}
	}
	return path
}

func (p *parser) number() (any, bool) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.data) && p.data[p.pos] == '0':
		p.pos++
	case p.pos < len(p.data) && p.data[p.pos] >= '1' && p.data[p.pos] <= '9':
		p.digits()
	default:
		p.fail("in numeric literal")
		return nil, false
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if p.pos >= len(p.data) || p.data[p.pos] < '0' || p.data[p.pos] > '9' {
			p.fail("after decimal point in numeric literal")
			return nil, false
		}
		p.digits()
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if p.pos >= len(p.data) || p.data[p.pos] < '0' || p.data[p.pos] > '9' {
			p.fail("in exponent of numeric literal")
			return nil, false
		}
		p.digits()
	}
	return Number(p.data[start:p.pos]), true
}

func (p *parser) digits() {
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
}

// string reads a quoted string, decoding escapes; invalid UTF-8 becomes
// U+FFFD, as encoding/json makes it.
func (p *parser) string(context string) (any, bool) {
	p.pos++ // opening quote
	start := p.pos
	// The common case, no escape and plain ASCII or valid UTF-8, is one slice.
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '"' {
			s := string(p.data[start:p.pos])
			p.pos++
			return s, true
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		p.pos++
	}
	var b strings.Builder
	b.Write(p.data[start:p.pos])
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), true
		case c < 0x20:
			p.fail(context)
			return nil, false
		case c == '\\':
			if !p.escape(&b) {
				return nil, false
			}
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			b.WriteRune(r) // RuneError for invalid bytes, as encoding/json writes it
			p.pos += size
		}
	}
	p.fail(context)
	return nil, false
}

func (p *parser) escape(b *strings.Builder) bool {
	p.pos++ // backslash
	if p.pos >= len(p.data) {
		p.fail("in string escape code")
		return false
	}
	c := p.data[p.pos]
	p.pos++
	switch c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r, ok := p.hex4()
		if !ok {
			return false
		}
		if utf16.IsSurrogate(r) {
			// A high surrogate followed by \u and a low one is one character;
			// anything else is U+FFFD, as encoding/json decodes it.
			if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
				save := p.pos
				p.pos += 2
				r2, ok := p.hex4()
				if !ok {
					return false
				}
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					b.WriteRune(dec)
					return true
				}
				p.pos = save
			}
			r = utf8.RuneError
		}
		b.WriteRune(r)
	default:
		p.pos--
		p.fail("in string escape code")
		return false
	}
	return true
}

func (p *parser) hex4() (rune, bool) {
	var r rune
	for i := 0; i < 4; i++ {
		if p.pos >= len(p.data) {
			p.fail("in \\u hexadecimal character escape")
			return 0, false
		}
		c := p.data[p.pos]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			p.fail("in \\u hexadecimal character escape")
			return 0, false
		}
		r = r<<4 | rune(c)
		p.pos++
	}
	return r, true
}

// lineColumn returns the 1-based line and column of the byte at offset.
func lineColumn(data []byte, offset int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < offset && i < len(data); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
