// Command ferretdb-local runs FerretDB v1 (a MongoDB wire-protocol server) on top
// of SQLite files in a directory, for local development and tests without Docker.
//
// Why a program of our own instead of `go install github.com/FerretDB/FerretDB/cmd/ferretdb`:
// FerretDB's CLI expects a build/version/version.txt that its release tooling
// generates, so a plain `go install` builds a binary that panics at start. The
// embeddable package github.com/FerretDB/FerretDB/ferretdb does not need it.
//
// The embeddable package never creates the telemetry reporter and marks telemetry
// as disabled, so nothing is sent anywhere; deploy/local/stack.sh also sets
// DO_NOT_TRACK=1 for good measure.
//
// Usage (normally via deploy/local/stack.sh):
//
//	ferretdb-local -listen 127.0.0.1:27017 -data /abs/path/to/dir [-log-level warn]
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", "", "directory holding the SQLite database files (created if missing)")
	logLevel := flag.String("log-level", "warn", "FerretDB log level: debug, info, warn or error "+
		"(info logs every client connection, warn logs failed commands)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-local: bad -log-level:", err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	if err := run(*listen, *dataDir, logger); err != nil {
		// Printed whatever the log level, so that a failed start is always explained.
		fmt.Fprintln(os.Stderr, "ferretdb-local failed:", err)
		os.Exit(1)
	}
}

// say prints our own start/stop lines regardless of the FerretDB log level.
func say(msg string) {
	fmt.Fprintf(os.Stderr, "time=%s ferretdb-local: %s\n", time.Now().UTC().Format(time.RFC3339), msg)
}

func run(listen, dataDir string, logger *slog.Logger) error {
	if dataDir == "" {
		return fmt.Errorf("-data is required")
	}
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	// The SQLite backend wants an existing directory given as a "file:" URI ending in "/".
	if err = os.MkdirAll(abs, 0o755); err != nil {
		return err
	}
	sqliteURL := (&url.URL{Scheme: "file", Path: abs + "/"}).String()

	// Cancelled on SIGTERM (stack.sh stop) or SIGINT (Ctrl-C): Run then closes the
	// listener, the client connections and the SQLite databases before returning.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	say(fmt.Sprintf("starting FerretDB on %s with SQLite in %s", listen, sqliteURL))
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	if err = f.Run(ctx); err != nil {
		return err
	}
	say("stopped")
	return nil
}
