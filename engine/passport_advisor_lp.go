package engine

// A small exact simplex, used only to find Lagrange multipliers for the
// advisor's lower bound (passport_advisor_bound.go). The bound is valid for
// any non-negative multipliers (weak duality), so nothing here needs to be
// trusted for the advisor to be right: a failed or poor run only makes the
// bound weaker, and the search then proves less, never something false.
//
// The numbers are exact fractions of int64s: the linear programmes it solves
// are nearly networks (coefficients 0 and ±1 but for the costs), so the
// fractions stay small. A run that would overflow stops and says so.

import (
	"math"
	"math/bits"
)

// lpMaxPivots stops a run that degenerates too long, lpMaxWork one that has
// updated too many tableau entries for the page's time, and lpMaxEntries one
// whose tableau is too large to hold: the advisor then searches with a weaker
// bound, and may not prove its plan. The tableau is sparse (the rows are
// nearly a network's), so only the non-zero entries of the pivot row are
// counted: a group of 120 blocks of three classes pivots about a million of
// them.
const (
	lpMaxPivots  = 5_000
	lpMaxWork    = 5_000_000
	lpMaxEntries = 4_000_000
)

// lpTerm is one non-zero coefficient of a constraint row.
type lpTerm struct {
	col  int
	coef int64
}

// simplexDuals minimises c·x subject to A x ≤ b, x ≥ 0, with b ≥ 0 (so the
// slack basis is feasible and no first phase is needed), and returns each
// row's dual price y_i ≥ 0: how much the optimum falls per unit more of b_i
// (the reduced cost of the row's slack at the optimum). ok is false if the run
// overflowed, was too large (lpMaxWork), degenerated past lpMaxPivots or
// found the problem unbounded.
func simplexDuals(rows [][]lpTerm, b, c []int64) (duals []lpRat, ok bool) {
	m, n := len(rows), len(c)
	width := n + m + 1 // structural columns, slacks, right-hand side
	if (m+1)*width > lpMaxEntries {
		return nil, false
	}
	work := 0
	nonZero := make([]int, 0, width)
	t := make([]lpRat, (m+1)*width)
	for i := range t {
		t[i] = lpRat{0, 1}
	}
	for i, row := range rows {
		r := t[i*width : (i+1)*width]
		for _, e := range row {
			r[e.col] = lpRat{e.coef, 1}
		}
		r[n+i] = lpRat{1, 1}
		r[width-1] = lpRat{b[i], 1}
	}
	obj := t[m*width:]
	for j, v := range c {
		obj[j] = lpRat{v, 1}
	}
	basis := make([]int, m)
	for i := range basis {
		basis[i] = n + i
	}
	var ar lpArith
	degenerate := 0
	for pivots := 0; ; pivots++ {
		if pivots == lpMaxPivots || work > lpMaxWork || ar.overflow {
			return nil, false
		}
		// Entering column: the most negative reduced cost (Dantzig), or the
		// first negative one (Bland's rule, which cannot cycle) once a run
		// of degenerate pivots suggests cycling.
		enter := -1
		bland := degenerate > 2*m
		for j := 0; j < n+m; j++ {
			if obj[j].n < 0 && (enter < 0 || ar.less(obj[j], obj[enter])) {
				enter = j
				if bland {
					break
				}
			}
		}
		if enter < 0 {
			break
		}
		leave := -1
		var ratio lpRat
		for i := range m {
			a := t[i*width+enter]
			if a.n <= 0 {
				continue
			}
			q := ar.div(t[i*width+width-1], a)
			if leave < 0 || ar.less(q, ratio) || (!ar.less(ratio, q) && basis[i] < basis[leave]) {
				leave, ratio = i, q
			}
		}
		if leave < 0 {
			return nil, false
		}
		if ratio.n == 0 {
			degenerate++
		} else {
			degenerate = 0
		}
		pivotRow := t[leave*width : (leave+1)*width]
		p := pivotRow[enter]
		nonZero = nonZero[:0]
		for j := range pivotRow {
			if pivotRow[j].n != 0 {
				pivotRow[j] = ar.div(pivotRow[j], p)
				nonZero = append(nonZero, j)
			}
		}
		for i := 0; i <= m; i++ {
			r := t[i*width : (i+1)*width]
			f := r[enter]
			if i == leave || f.n == 0 {
				continue
			}
			work += len(nonZero)
			for _, j := range nonZero {
				r[j] = ar.sub(r[j], ar.mul(f, pivotRow[j]))
			}
		}
		basis[leave] = enter
	}
	if ar.overflow {
		return nil, false
	}
	duals = make([]lpRat, m)
	for i := range duals {
		duals[i] = obj[n+i]
		if duals[i].n < 0 {
			duals[i] = lpRat{0, 1}
		}
	}
	return duals, true
}

// lpRat is the fraction n/d, d > 0, in lowest terms.
type lpRat struct{ n, d int64 }

// lpArith does fraction arithmetic and remembers whether any result
// overflowed int64 (the results are then meaningless, and the run is dropped).
type lpArith struct{ overflow bool }

func (ar *lpArith) times(x, y int64) int64 {
	hi, lo := bits.Mul64(uint64(absInt64(x)), uint64(absInt64(y)))
	if hi != 0 || lo > math.MaxInt64 || x == math.MinInt64 || y == math.MinInt64 {
		ar.overflow = true
		return 0
	}
	if (x < 0) != (y < 0) {
		return -int64(lo)
	}
	return int64(lo)
}

func (ar *lpArith) plus(x, y int64) int64 {
	s := x + y
	if (x > 0 && y > 0 && s < 0) || (x < 0 && y < 0 && s >= 0) {
		ar.overflow = true
	}
	return s
}

func (ar *lpArith) norm(n, d int64) lpRat {
	if d < 0 {
		n, d = -n, -d
	}
	if n == 0 {
		return lpRat{0, 1}
	}
	g := gcd64(absInt64(n), d)
	return lpRat{n / g, d / g}
}

func (ar *lpArith) mul(a, b lpRat) lpRat {
	if a.n == 0 || b.n == 0 {
		return lpRat{0, 1}
	}
	g1, g2 := gcd64(absInt64(a.n), b.d), gcd64(absInt64(b.n), a.d)
	return ar.norm(ar.times(a.n/g1, b.n/g2), ar.times(a.d/g2, b.d/g1))
}

func (ar *lpArith) div(a, b lpRat) lpRat {
	if b.n < 0 {
		return ar.mul(a, lpRat{-b.d, -b.n})
	}
	return ar.mul(a, lpRat{b.d, b.n})
}

func (ar *lpArith) sub(a, b lpRat) lpRat {
	if b.n == 0 {
		return a
	}
	g := gcd64(a.d, b.d)
	n := ar.plus(ar.times(a.n, b.d/g), -ar.times(b.n, a.d/g))
	return ar.norm(n, ar.times(a.d, b.d/g))
}

func (ar *lpArith) less(a, b lpRat) bool {
	return ar.sub(a, b).n < 0
}

func absInt64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func gcd64(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}
