package engine

// The advisor's lower bound: what lets the exact search of
// passport_advisor_search.go leave out, provably, the plans that cannot beat
// the best one known, so that large fleets are searched exactly too.
//
// # Blocks
//
// The search buys only in candidate months (purchaseMonths), and every month
// whose fees differ from the month before is one of them. Cut the horizon at
// the candidate months into blocks: inside a block every month has the same
// sorted fees, and since terms are multiples of 12 and candidates are whole
// residues modulo 12, a right bought at a block's start is valid for whole
// blocks. So a plan holds the same rights all through a block.
//
// # The bound (weak duality)
//
// Fix, for every block b and every class c of equal fees in it (n_c contracts
// of fee f_c each month), a multiplier ν_{b,c} ≥ 0. In one month of the
// block, the engine's discount (R5.4: sorted rights on sorted fees) is one way
// of giving each valid right at most one contract, so it is at most the best
// such assignment, which in turn is at most, for any μ_c ≥ 0,
//
//	Σ_rights max(0, max_c (d_rate(f_c) − μ_c)) + Σ_c μ_c n_c
//
// (each contract's share is split between the right taking it and its price
// μ_c; a contract nobody takes still counts μ_c ≥ 0). With μ_c = ν_{b,c}/ℓ_b
// over the ℓ_b months of the block, the block's discounts are at most
// Σ_rights gain_b(rate) + Σ_c ν_{b,c} n_c, gain_b(rate) = max(0, max_c
// (ℓ_b d_rate(f_c) − ν_{b,c})).
//
// Now see a plan as N units of capacity, each going through the blocks: idle,
// or holding one right (rights held never exceed N, and any set of intervals
// overlapping at most N deep splits into N chains). A unit's path costs the
// fees of its rights less their gains. So every plan's cost is at least
// N × (the cheapest path) − Σ ν n, and from a state of the search (the rights
// held, the month), every completion costs at least what suffix says. Any
// ν ≥ 0 gives a valid bound; the best ones come from the linear programme's
// dual (multipliers), and nothing about them needs trusting. All of it is
// computed in integers scaled by q, so the comparisons are exact.

import (
	"math/bits"
	"slices"
)

// lagrangeBound is the bound for one group and one set of multipliers. Every
// figure is q times yen.
type lagrangeBound struct {
	q int64
	// blockAt[m] is the block starting at month m (for candidate months),
	// and blockAt[h] is the number of blocks.
	blockAt []int
	// gainSum[t][b] is the sum of the gains of one right of term index t in
	// blocks before b.
	gainSum [3][]int64
	// spFrom[b] is the cheapest path of one unit from block b to the end.
	spFrom []int64
	// muTail[b] is Σ ν n over blocks from b on.
	muTail []int64
	// prices[b] are block b's multipliers per contract (ν of its class),
	// highest first, with how many contracts have each.
	prices [][]blockPrice
	// contracts[b] is block b's number of contracts each month, and
	// starts[b] its first month.
	contracts, starts []int
	// endOf[b][t] is the block where a right of term index t bought at
	// block b's start is no longer valid (-1 if the term is not sold), and
	// bonus[b][t] how much less than its fee its blocks gain, if they gain
	// more (max(0, −c) in fewPurchases).
	endOf   [][3]int
	bonus   [][3]int64
	scratch fewScratch
	// noMore is the last fewPurchases call's bound with no purchase more
	// (v there): the part of that bound that is convex in the count of a
	// purchase (see planSearch.buy).
	noMore int64
}

// blockPrice is count contracts of a block priced v each (times q).
type blockPrice struct {
	v     int64
	count int
}

// blockClass is n contracts of the same fee, each month of a block.
type blockClass struct {
	fee   int64
	count int
}

// newLagrangeBound builds the bound for g with purchases in the candidate
// months, its multipliers from the linear programme's dual. It returns nil if
// the figures could overflow (fees near the engine's 10^15 limit).
func newLagrangeBound(g adviceGroup, candidate []bool) *lagrangeBound {
	return lagrangeBoundWith(g, candidate, nil)
}

// lagrangeBoundWith is newLagrangeBound with the multipliers given (per block,
// per class of equal fees, dearest first), or found by the linear programme
// when nu is nil.
func lagrangeBoundWith(g adviceGroup, candidate []bool, nu [][]lpRat) *lagrangeBound {
	h := len(g.fees)
	var starts []int
	blockAt := make([]int, h+1)
	for m := range h {
		if candidate[m] {
			blockAt[m] = len(starts)
			starts = append(starts, m)
		}
	}
	nb := len(starts)
	blockAt[h] = nb
	length := make([]int64, nb)
	classes := make([][]blockClass, nb)
	for b, s := range starts {
		end := h
		if b+1 < nb {
			end = starts[b+1]
		}
		length[b] = int64(end - s)
		for _, f := range g.fees[s] {
			if k := len(classes[b]); k > 0 && classes[b][k-1].fee == f {
				classes[b][k-1].count++
			} else {
				classes[b] = append(classes[b], blockClass{fee: f, count: 1})
			}
		}
	}
	// endBlock[b][t]: the block where a right of term t bought at block b's
	// start is no longer valid (nb past the horizon).
	endBlock := make([][3]int, nb)
	for b, s := range starts {
		for t, term := range adviceTerms {
			endBlock[b][t] = blockAt[min(s+term.months, h)]
		}
	}
	// discount[b][c][t]: the discounts of one contract of class c at term t's
	// rate over block b.
	discount := make([][][3]int64, nb)
	var largest int64 = 1
	for b := range classes {
		discount[b] = make([][3]int64, len(classes[b]))
		for c, cl := range classes[b] {
			fee := YenFromInt(cl.fee)
			for t, term := range adviceTerms {
				d := fee.Sub(discountedFee(fee, term.kept)).n * length[b]
				discount[b][c][t] = d
				largest = max(largest, d)
			}
		}
	}
	for t := range adviceTerms {
		if g.available[t] {
			largest = max(largest, g.perRight[t])
		}
	}
	if nu == nil {
		nu = lagrangeMultipliers(g, starts, endBlock, classes, discount)
	}
	// Scale: the least common denominator of the multipliers, as long as
	// every sum below stays well inside int64; else the multipliers are
	// rounded down to a coarser grid (still ≥ 0, so still a valid bound).
	reach, fits := productFits(largest, int64(nb+1), int64(g.cap+1), 4)
	if !fits {
		return nil
	}
	limit := min((int64(1)<<61)/reach, 1<<24)
	if limit < 1 {
		return nil
	}
	q := int64(1)
	for _, row := range nu {
		for _, v := range row {
			if l, ok := productFits(q/gcd64(q, v.d), v.d); ok && l <= limit {
				q = l
			} else {
				q = limit
			}
		}
	}
	lb := &lagrangeBound{q: q, blockAt: blockAt, spFrom: make([]int64, nb+1), muTail: make([]int64, nb+1),
		prices: make([][]blockPrice, nb), contracts: make([]int, nb), starts: starts}
	for t := range adviceTerms {
		lb.gainSum[t] = make([]int64, nb+1)
	}
	for b := range nb {
		var price int64
		for c, cl := range classes[b] {
			var v int64
			if nu != nil {
				v = scaledDown(nu[b][c], q)
			}
			price += v * int64(cl.count)
			lb.contracts[b] += cl.count
			if v > 0 {
				lb.prices[b] = append(lb.prices[b], blockPrice{v: v, count: cl.count})
			}
			for t := range adviceTerms {
				discount[b][c][t] = discount[b][c][t]*q - v
			}
		}
		lb.muTail[b] = price
		slices.SortFunc(lb.prices[b], func(x, y blockPrice) int { return compareInt64(y.v, x.v) })
		for t := range adviceTerms {
			var gain int64
			for c := range classes[b] {
				gain = max(gain, discount[b][c][t])
			}
			lb.gainSum[t][b+1] = lb.gainSum[t][b] + gain
		}
	}
	lb.endOf, lb.bonus = make([][3]int, nb), make([][3]int64, nb)
	for b := range nb {
		for t := range adviceTerms {
			lb.endOf[b][t] = -1
			if g.available[t] {
				e := endBlock[b][t]
				lb.endOf[b][t] = e
				lb.bonus[b][t] = max(0, lb.gainSum[t][e]-lb.gainSum[t][b]-g.perRight[t]*q)
			}
		}
	}
	for b := nb - 1; b >= 0; b-- {
		lb.muTail[b] += lb.muTail[b+1]
		best := lb.spFrom[b+1] // idle through the block
		for t := range adviceTerms {
			if g.available[t] {
				e := endBlock[b][t]
				best = min(best, g.perRight[t]*q-(lb.gainSum[t][e]-lb.gainSum[t][b])+lb.spFrom[e])
			}
		}
		lb.spFrom[b] = best
	}
	return lb
}

// scaledDown is floor(v × q) for v ≥ 0 (the multipliers are at most a
// block's largest discount, so the result fits).
func scaledDown(v lpRat, q int64) int64 {
	if v.n <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(v.n), uint64(q))
	if hi >= uint64(v.d) {
		return 0 // cannot happen for a dual of this programme; 0 is still a valid multiplier
	}
	quo, _ := bits.Div64(hi, lo, uint64(v.d))
	return int64(quo)
}

// productFits is the product of positive factors, and whether it stays below 2^62.
func productFits(factors ...int64) (int64, bool) {
	p := int64(1)
	for _, f := range factors {
		if f <= 0 || p > (int64(1)<<62)/f {
			return 0, false
		}
		p *= f
	}
	return p, true
}

// suffix is the least any completion can cost (fees of later purchases less
// discounts from month m on), times q, from candidate month m with lots held
// and the rest of the group's cap free.
func (lb *lagrangeBound) suffix(m int, lots []heldLot, cap int) int64 {
	b := lb.blockAt[m]
	v := -lb.muTail[b]
	free := cap
	h := len(lb.blockAt) - 1
	for _, l := range lots {
		e := lb.blockAt[min(l.end, h)]
		v += int64(l.count) * (lb.spFrom[e] - (lb.gainSum[l.term][e] - lb.gainSum[l.term][b]))
		free -= l.count
	}
	return v + int64(free)*lb.spFrom[b]
}

// lagrangeMultipliers solves the linear relaxation of the blocked problem
// and returns the dual price of each block's classes (nil if the solver gave
// up). Variables: x[b][t], rights of term t bought at block b's start, and
// z[b][t][c], rights of term t taking contracts of class c each month of the
// block. Rows: the cap in each block; z[b][t][·] ≤ rights of t held in b; and
// z[b][·][c] ≤ n_c, whose duals are the multipliers.
func lagrangeMultipliers(g adviceGroup, starts []int, endBlock [][3]int, classes [][]blockClass, discount [][][3]int64) [][]lpRat {
	nb := len(starts)
	var cost []int64
	xCol := make([][3]int, nb)
	for b := range nb {
		for t := range adviceTerms {
			xCol[b][t] = -1
			if g.available[t] {
				xCol[b][t] = len(cost)
				cost = append(cost, g.perRight[t])
			}
		}
	}
	zCol := make([][][3]int, nb)
	for b := range nb {
		zCol[b] = make([][3]int, len(classes[b]))
		for c := range classes[b] {
			for t := range adviceTerms {
				zCol[b][c][t] = len(cost)
				cost = append(cost, -discount[b][c][t])
			}
		}
	}
	var rows [][]lpTerm
	var rhs []int64
	// Rights valid in block b: bought at a block a ≤ b whose term reaches past b.
	held := func(b, t int) []lpTerm {
		var out []lpTerm
		for a := 0; a <= b; a++ {
			if xCol[a][t] >= 0 && endBlock[a][t] > b {
				out = append(out, lpTerm{xCol[a][t], -1})
			}
		}
		return out
	}
	for b := range nb {
		var row []lpTerm
		for t := range adviceTerms {
			for _, e := range held(b, t) {
				row = append(row, lpTerm{e.col, 1})
			}
		}
		rows, rhs = append(rows, row), append(rhs, int64(g.cap))
		for t := range adviceTerms {
			row := held(b, t)
			for c := range classes[b] {
				row = append(row, lpTerm{zCol[b][c][t], 1})
			}
			rows, rhs = append(rows, row), append(rhs, 0)
		}
	}
	first := len(rows)
	for b := range nb {
		for c, cl := range classes[b] {
			row := make([]lpTerm, 0, 3)
			for t := range adviceTerms {
				row = append(row, lpTerm{zCol[b][c][t], 1})
			}
			rows, rhs = append(rows, row), append(rhs, int64(cl.count))
		}
	}
	duals, ok := simplexDuals(rows, rhs, cost)
	if !ok {
		return nil
	}
	nu := make([][]lpRat, nb)
	i := first
	for b := range nb {
		nu[b] = slices.Clone(duals[i : i+len(classes[b])])
		i += len(classes[b])
	}
	return nu
}

// perRight is how much suffix grows for each right of term index t bought in
// candidate month m (its fee aside): the right's path instead of a free unit's.
func (lb *lagrangeBound) perRight(m, t int) int64 {
	h := len(lb.blockAt) - 1
	b, e := lb.blockAt[m], lb.blockAt[min(m+adviceTerms[t].months, h)]
	return lb.spFrom[e] - (lb.gainSum[t][e] - lb.gainSum[t][b]) - lb.spFrom[b]
}

// noPurchase is the bound (times q) on every completion from candidate month
// m, with lots held, that buys nothing more: the rights held gain what the
// multipliers leave them until they expire, and every unit is idle after.
func (lb *lagrangeBound) noPurchase(m int, lots []heldLot) int64 {
	b := lb.blockAt[m]
	v := -lb.muTail[b]
	h := len(lb.blockAt) - 1
	for _, l := range lots {
		e := lb.blockAt[min(l.end, h)]
		v -= int64(l.count) * (lb.gainSum[l.term][e] - lb.gainSum[l.term][b])
	}
	return v
}

// shortfall is what block b's multipliers credit its contracts beyond what k
// rights can take (times q): the bound's Σ ν n counts every contract as
// taken, but k rights take k contracts at most, the best priced at best.
func (lb *lagrangeBound) shortfall(b, k int) int64 {
	var v int64
	for _, p := range lb.prices[b] {
		left := p.count - k
		k = max(0, k-p.count)
		if left > 0 {
			v += int64(left) * p.v
		}
	}
	return v
}

// fewPurchases is the bound (times q) on every completion from candidate
// month m, with lots held, that makes at most r purchases more.
//
// The bound is linear in the rights a completion buys: each right of term
// index t bought in month p adds its fee less the gains of its blocks, c, so
// a purchase of x rights (x at most the cap less the rights still held then,
// free) adds at least −free × max(0, −c), its bonus. Moreover a block's
// contracts are credited their multipliers only as far as the rights held can
// take them (shortfall): the rights already held leave some blocks short, and
// only a purchase covering a block can make it up. So every completion costs
// at least the bound with no purchase, plus every block's shortfall, less the
// r largest bonuses, less the most shortfall r purchases can cover: r runs
// of blocks, each at most a term long (a dynamic programme over the blocks).
//
// The search's own bound (suffix) lets every unit of capacity take its own
// cheapest path, with as many purchases as that needs, and credits every
// contract: with few purchases left this one is often far higher.
//
// Purchases in month m itself may only be of term index from on (the search
// has chosen the others). r is at most fewPurchasesMax. The search only asks
// whether the bound is above limit: the answer may be, instead of the bound,
// any figure on the same side of limit, found sooner.
func (lb *lagrangeBound) fewPurchases(g adviceGroup, m, from int, lots []heldLot, r int, limit int64) int64 {
	h := len(lb.blockAt) - 1
	nb := lb.blockAt[h]
	b0 := lb.blockAt[m]
	w := &lb.scratch
	if len(w.short) != nb+1 {
		*w = fewScratch{short: make([]int64, nb+1), reach: make([]int, nb+1), cover: make([]int64, nb+1),
			next: make([]int64, nb+1), total: make([]int, nb+1)}
		for t := range w.held {
			w.held[t] = make([]int, nb+1)
		}
	}
	for t := range w.held {
		clear(w.held[t][b0:])
	}
	for _, l := range lots {
		w.held[l.term][b0] += l.count
		w.held[l.term][lb.blockAt[min(l.end, h)]] -= l.count
	}
	// short[b] is Σ of the shortfalls of blocks b0 … b−1 with the lots held;
	// total[b] is the rights held in block b.
	var held [3]int
	var lost int64
	w.short[b0] = 0
	for b := b0; b < nb; b++ {
		for t := range held {
			held[t] += w.held[t][b]
		}
		w.total[b] = held[0] + held[1] + held[2]
		w.short[b+1] = w.short[b] + lb.shortfall(b, w.total[b])
		lost += lb.excess(b, held)
	}
	short := w.short
	v := lb.noPurchase(m, lots) + short[nb] + lost
	lb.noMore = v
	if r == 0 || v <= limit {
		return v // the bound is at most v
	}
	// top holds the r largest bonuses, and both the r largest bonuses with
	// the shortfall of their own blocks (two purchases covering one block may
	// then count its shortfall twice), largest first; reach[b] is the block
	// where the longest term bought at block b's start ends.
	top, both := w.top[:r], w.both[:r]
	clear(top)
	clear(both)
	for b := b0; b < nb; b++ {
		free := int64(g.cap - w.total[b])
		w.reach[b] = b
		if free == 0 {
			continue
		}
		first := 0
		if b == b0 {
			first = from
		}
		longest := -1
		for t := first; t < len(adviceTerms); t++ {
			e := lb.endOf[b][t]
			if e < 0 {
				continue // not sold
			}
			if e > w.reach[b] {
				w.reach[b], longest = e, t
			}
			if bonus := free * lb.bonus[b][t]; bonus > 0 {
				keepLargest(top, bonus)
				keepLargest(both, bonus+short[e]-short[b])
			}
		}
		// A purchase of a shorter term with no bonus covers less than the
		// longest; one of the longest with no bonus is counted here.
		if longest >= 0 && lb.bonus[b][longest] == 0 {
			keepLargest(both, short[w.reach[b]]-short[b])
		}
	}
	var bonuses, coupled int64
	for i := range top {
		bonuses += top[i]
		coupled += both[i]
	}
	if v-coupled > limit {
		return v - coupled // the bound is at least that
	}
	// cover[b]: the most shortfall j runs can cover in blocks b onward, for
	// j = 1 … r in turn.
	cover, next := w.cover, w.next
	clear(cover[b0:])
	for range r {
		next[nb] = 0
		grew := false
		for b := nb - 1; b >= b0; b-- {
			next[b] = next[b+1]
			if e := w.reach[b]; e > b {
				next[b] = max(next[b], short[e]-short[b]+cover[e])
			}
			grew = grew || next[b] != cover[b]
		}
		cover, next = next, cover
		if !grew {
			break // one run more covers nothing more
		}
	}
	return v - min(coupled, bonuses+cover[b0])
}

// fewScratch is fewPurchases' working memory, kept between calls (the search
// is single-threaded).
type fewScratch struct {
	held         [3][]int
	total, reach []int
	short        []int64
	cover, next  []int64
	top, both    [fewPurchasesMax]int64
}

// excess is the gain the bound credits in block b to rights held beyond its
// contracts (times q): of held[t] rights of each term index, at most as many
// as the block has contracts take one, so only the largest gains count (a
// purchase later only adds rights). A longer term's gain is never smaller
// (its discount is larger on every class), so the shortest terms' are lost.
func (lb *lagrangeBound) excess(b int, held [3]int) int64 {
	left := held[0] + held[1] + held[2] - lb.contracts[b]
	var v int64
	for t := len(held) - 1; t >= 0 && left > 0; t-- {
		n := min(left, held[t])
		v += int64(n) * (lb.gainSum[t][b+1] - lb.gainSum[t][b])
		left -= n
	}
	return v
}

// keepLargest puts v into top, the largest values seen, largest first, if it
// is among them.
func keepLargest(top []int64, v int64) {
	if v <= top[len(top)-1] {
		return
	}
	for i := range top {
		if v > top[i] {
			copy(top[i+1:], top[i:])
			top[i] = v
			return
		}
	}
}
