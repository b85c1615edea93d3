package contract

import (
	"github.com/sakura-sim/pricesim/engine/document"
)

// reader is the document reader with the contract's own readers added
// (catalogs, prices, passport fees).
type reader struct {
	document.Reader
}
