// Package contract is the engine's JSON face (shared/spec/contract.md): it
// decodes scenarios and catalogs strictly, reporting every problem with its
// JSON path, writes estimates, and answers every document the page, the
// command line and the tests send, through one function, [HandleJSON]: a plain
// scenario gets its estimate, a {"request": ...} gets that request's answer.
//
// The shipped catalogs are embedded here as JSON files (catalogs/).
package contract
