// Command synth writes the synthetic module of HTTP authentication code that
// scripts/bench.sh lints (see bench/synthgen for what is in it):
//
//	go run ./bench/synth -n 100 -o DIR
//
// The same -n always gives the same files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/authchallenge/authchallenge/bench/synthgen"
)

func main() {
	n := flag.Int("n", 100, "number of packages")
	out := flag.String("o", "", "output directory (created; must be empty if it exists)")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: synth -n N -o DIR")
		os.Exit(2)
	}
	if err := write(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func write(dir string, n int) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	files := synthgen.Generate(n)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
