// Package engine prices SAKURA Cloud usage: servers, disks and other resources
// billed by the hour, the day or the month, discount passports, coupons and
// prepaid IDs, over a horizon of 1 to 120 months.
//
// The rules it implements are numbered in shared/spec/billing-rules.md and
// cited in the code (R4.2 and so on); the JSON it speaks is shared/spec/contract.md.
//
// # Packages
//
// This package holds the billing rules on Go values and knows no JSON.
// [github.com/sakura-sim/pricesim/engine/contract] reads scenarios and
// catalogs, writes estimates and routes the page's requests;
// [github.com/sakura-sim/pricesim/engine/pricelist] imports SAKURA's official
// price list and matches items across catalogs.
//
// # Money
//
// Amounts are whole yen in [Yen], exact at any size and written as a decimal
// string (R1.4).
// Catalog prices are decimals that may carry fractions of a yen (custom
// prices); fees are truncated to the yen once, where a rule says so. No
// floating point is used anywhere on a money path.
//
// # Rounding
//
// Every rounding is a truncation toward the customer's favour, and all of them
// live in rounding.go, one function per rule: hours rounded up (R4.2), fees
// truncated (R4.8), passport discounts and fees truncated (R5.3, R5.5), tax
// included computed exactly on integers (R6.2).
//
// # Credits
//
// Coupons and prepaid IDs pay each month's bill except passport fees, earliest
// expiry first (R7); the notices a user would receive are raised with their
// dates (R8).
//
// # Errors
//
// Bad input never panics and never becomes zero: the contract's decoder
// reports every problem at once as a [*ValidationError] of [FieldError]s, each
// naming the JSON path of the field and the problem in words a user
// understands; [Estimate] checks what a scenario built in Go must guarantee.
//
// The package does no I/O and never reads the clock: everything it knows
// comes from its arguments.
package engine
