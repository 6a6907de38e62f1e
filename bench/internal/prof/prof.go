// Package prof lets the benchmark binaries (bench/cmd/...) write profiles
// when asked through the environment; the shipped command has no such hook.
//
//	AUTHCHALLENGE_BENCH_CPUPROFILE=cpu.prof    CPU profile of the whole run
//	AUTHCHALLENGE_BENCH_MEMPROFILE=mem.prof    heap profile (allocations) at the end
//
// Read them with `go tool pprof -top BINARY cpu.prof`.
package prof

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// Start starts the profiles the environment asks for and returns the
// function that writes them; call it before exiting.
func Start() (stop func()) {
	var stops []func()
	if path := os.Getenv("AUTHCHALLENGE_BENCH_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "prof:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "prof:", err)
			os.Exit(1)
		}
		stops = append(stops, func() {
			pprof.StopCPUProfile()
			f.Close()
		})
	}
	if path := os.Getenv("AUTHCHALLENGE_BENCH_MEMPROFILE"); path != "" {
		runtime.MemProfileRate = 64 << 10
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintln(os.Stderr, "prof:", err)
				return
			}
			defer f.Close()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintln(os.Stderr, "prof:", err)
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
