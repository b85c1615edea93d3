// Command serve serves the estimator page (site/) on 127.0.0.1 for local use:
//
//	go run ./scripts/serve [-port N] [-dir site]
//
// The port comes from -port, else $PORT, else 8080. Only the loopback address
// is used: the page is a personal tool, not something to expose to a network.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/sakura-sim/pricesim/scripts/dist/sitebuild"
	"github.com/sakura-sim/pricesim/scripts/serve/sitehandler"
)

// freshManifest rewrites the service worker's list of files and version
// (gen/build.js) whenever a browser asks for it, so a file edited while the
// server runs makes a new version: the page then says a newer one is ready,
// instead of the offline copy serving the old file.
func freshManifest(dir string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/"+sitebuild.ManifestName {
			if _, err := sitebuild.WriteManifest(dir); err != nil {
				fmt.Fprintln(os.Stderr, "serve: writing the offline manifest:", err)
			}
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	port := flag.Int("port", 0, "port to listen on (default $PORT, else 8080)")
	dir := flag.String("dir", "site", "directory holding index.html and gen/")
	flag.Parse()
	if err := run(*port, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

func run(port int, dir string) error {
	if port == 0 {
		port = 8080
		if env := os.Getenv("PORT"); env != "" {
			p, err := strconv.Atoi(env)
			if err != nil || p <= 0 || p > 65535 {
				return fmt.Errorf("PORT=%q is not a port number", env)
			}
			port = p
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "gen", "main.wasm")); err != nil {
		fmt.Fprintf(os.Stderr, "warning: %s is missing: run make serve to build it\n", filepath.Join(dir, "gen", "main.wasm"))
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: freshManifest(dir, sitehandler.New(dir)), ReadHeaderTimeout: 10 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Printf("Serving the estimator at http://%s/\n", ln.Addr())

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	fmt.Println("\nstopping")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
