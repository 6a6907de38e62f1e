// Package prof lets the benchmark binaries (bench/cmd/...) write profiles
// when asked through the environment; the shipped command has no such hook.
//
//	AUTHCHALLENGE_BENCH_CPUPROFILE=cpu.prof    CPU profile of the whole run
//	AUTHCHALLENGE_BENCH_MEMPROFILE=mem.prof    heap profile (allocations) at the end
//	AUTHCHALLENGE_BENCH_PEAKPROFILE=peak.prof  heap profile at the garbage collection
//	                                           that found the most live memory
//
// Read them with `go tool pprof -top BINARY cpu.prof`.
package prof

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
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
	if path := os.Getenv("AUTHCHALLENGE_BENCH_PEAKPROFILE"); path != "" {
		stops = append(stops, peak(path))
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

// peak samples the live heap after every garbage collection and keeps the
// heap profile of the largest; it returns the function that writes it.
func peak(path string) (stop func()) {
	runtime.MemProfileRate = 64 << 10
	var (
		mu   sync.Mutex
		best []byte
		max  uint64
		last uint32
	)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			runtime.ReadMemStats(&ms)
			if ms.NumGC == last {
				continue
			}
			last = ms.NumGC
			// HeapAlloc just after a collection is close to the live heap;
			// the profile's in-use figures are those of that collection.
			if ms.HeapAlloc <= max {
				continue
			}
			max = ms.HeapAlloc
			var buf bytes.Buffer
			if err := pprof.Lookup("heap").WriteTo(&buf, 0); err == nil {
				mu.Lock()
				best = buf.Bytes()
				mu.Unlock()
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		mu.Lock()
		defer mu.Unlock()
		if err := os.WriteFile(path, best, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "prof:", err)
		}
	}
}
