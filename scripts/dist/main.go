// Command dist builds the deployable static folder, or only the service
// worker's manifest for the development page:
//
//	go run ./scripts/dist -src site -out dist   # make dist
//	go run ./scripts/dist -manifest site        # make wasm: site/gen/first.json and build.js
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/sakura-sim/pricesim/scripts/dist/sitebuild"
)

func main() {
	src := flag.String("src", "site", "the page's folder, with gen/main.wasm built")
	out := flag.String("out", "dist", "the folder to write (emptied first)")
	manifest := flag.String("manifest", "", "only write DIR/gen/first.json and DIR/gen/build.js")
	flag.Parse()
	var version string
	var err error
	if *manifest != "" {
		// The first figures are part of the build the manifest lists.
		if err = sitebuild.WriteFirstFigures(*manifest, time.Now()); err == nil {
			version, err = sitebuild.WriteManifest(*manifest)
		}
	} else {
		version, err = sitebuild.Build(*src, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
	if *manifest == "" {
		fmt.Printf("built %s (version %s)\n", *out, version)
	}
}
