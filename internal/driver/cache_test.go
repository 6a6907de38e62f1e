package driver

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// entries returns the cache entries under dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// rewrite decodes the entry at path (kept under k), lets edit change it,
// and seals it again.
func rewrite(t *testing.T, path string, edit func(*cacheEntry)) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var k cacheKey
	copy(k[:], data[len(cacheMagic)+1:])
	body, ok := checkEntry(data, k)
	if !ok {
		t.Fatalf("entry %s does not check", path)
	}
	var e cacheEntry
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&e); err != nil {
		t.Fatal(err)
	}
	edit(&e)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&e); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, sealEntry(buf.Bytes(), k), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The second run reuses the first one's findings: a planted message shows
// it; a corrupt or foreign entry is ignored.
func TestCacheReuse(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged, "b.go": strings.Replace(challenged, "func H(", "func OK(", 1)})
	cache := t.TempDir()
	args := []string{"-cache-dir", cache}
	code, first, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitFindings, first, stderr)
	es := entries(t, cache)
	if len(es) != 1 {
		t.Fatalf("want one entry after the first run, got %q", es)
	}
	for _, format := range []string{"sarif"} {
		a := append([]string{"-format", format}, args...)
		_, cold, _ := run(t, dir, rules(), append(a, "-cache=false")...)
		code, warm, stderr := run(t, dir, rules(), a...)
		checkCode(t, a, code, ExitFindings, warm, stderr)
		if warm != cold {
			t.Errorf("-format %s: the cached run printed\n%s\nthe uncached one\n%s", format, warm, cold)
		}
	}

	// A planted message proves that the entry is read.
	rewrite(t, es[0], func(e *cacheEntry) { e.Findings[0].Message = "planted" })
	_, out, _ := run(t, dir, rules(), args...)
	if !strings.Contains(out, "a.go:6:2: planted (nochallenge)") {
		t.Fatalf("the entry was not reused:\n%s", out)
	}

	// Corrupt: one byte flipped in the body. Ignored and rewritten.
	data, err := os.ReadFile(es[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(es[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitFindings, out, stderr)
	if out != first {
		t.Errorf("with a corrupt entry:\n%s\nwant:\n%s", out, first)
	}
	// Truncated, and empty.
	for _, cut := range []int{len(data) - 1, 0} {
		if err := os.WriteFile(es[0], data[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, out, _ := run(t, dir, rules(), args...); out != first {
			t.Errorf("with an entry cut to %d bytes:\n%s\nwant:\n%s", cut, out, first)
		}
	}

	// Foreign: another package's entry (valid in itself) under this
	// package's name.
	other := module(t, map[string]string{"a.go": strings.Replace(unchallenged, "func H(", "func Other(", 1) + "\nfunc X() {}\n"})
	otherCache := t.TempDir()
	run(t, other, rules(), "-cache-dir", otherCache)
	oe := entries(t, otherCache)
	if len(oe) != 1 {
		t.Fatalf("entries %q", oe)
	}
	foreign, err := os.ReadFile(oe[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(es[0], foreign, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := run(t, dir, rules(), args...); out != first {
		t.Errorf("with a foreign entry:\n%s\nwant:\n%s", out, first)
	}

	// -cache=false neither reads nor writes.
	rewrite(t, es[0], func(e *cacheEntry) { e.Findings[0].Message = "planted" })
	fresh := t.TempDir()
	for _, a := range [][]string{{"-cache=false", "-cache-dir", cache}, {"-cache=false", "-cache-dir", fresh}} {
		if _, out, _ := run(t, dir, rules(), a...); out != first {
			t.Errorf("Main(%q):\n%s\nwant:\n%s", a, out, first)
		}
	}
	if es := entries(t, fresh); len(es) != 0 {
		t.Errorf("-cache=false wrote %q", es)
	}
}

// A changed file, a changed dependency and changed flags are analysed
// again.
func TestCacheInvalidation(t *testing.T) {
	dir := module(t, crossPackage)
	cache := t.TempDir()
	args := []string{"-cache-dir", cache, "./server"}
	code, out, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitFindings, out, stderr)
	if l := lines(out); len(l) != 1 || !strings.HasPrefix(l[0], "server/server.go:11:3: call to Deny writes 401") {
		t.Fatalf("first run:\n%s", out)
	}

	// The dependency now sets the challenge: the server's files are the
	// same, its finding is gone.
	writeFile(t, dir, "auth/auth.go", strings.Replace(crossPackage["auth/auth.go"],
		"func Deny(w http.ResponseWriter) { w.WriteHeader(http.StatusUnauthorized) }",
		"func Deny(w http.ResponseWriter) {\n\tChallenge(w)\n\tw.WriteHeader(http.StatusUnauthorized)\n}", 1))
	code, out, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitClean, out, stderr)

	// A file of the package changes: a new finding.
	writeFile(t, dir, "server/more.go", "package server\n\nimport \"net/http\"\n\nfunc More(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusUnauthorized)\n}\n")
	code, out, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitFindings, out, stderr)
	if l := lines(out); len(l) != 1 || !strings.HasPrefix(l[0], "server/more.go:6:2: 401 response without") {
		t.Fatalf("after a new file:\n%s", out)
	}

	// A flag that configures the analysis.
	a := append([]string{"-nochallenge=false"}, args...)
	code, out, stderr = run(t, dir, rules(), a...)
	checkCode(t, a, code, ExitClean, out, stderr)
	a = append([]string{"-exempt=example.com/x/server"}, args...)
	code, out, stderr = run(t, dir, rules(), a...)
	checkCode(t, a, code, ExitClean, out, stderr)
	code, out, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitFindings, out, stderr)
}

// Runs at the same time on the same cache agree with a run without it.
func TestCacheConcurrent(t *testing.T) {
	dir := module(t, crossPackage)
	t.Chdir(dir)
	cache := t.TempDir()
	var want bytes.Buffer
	if code := Main([]string{"-cache=false", "./..."}, rules(), &want, &bytes.Buffer{}); code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	for round := range 1 {
		var wg sync.WaitGroup
		outs := make([]bytes.Buffer, 3)
		errs := make([]bytes.Buffer, 3)
		codes := make([]int, 3)
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = Main([]string{"-cache-dir", cache, "./..."}, rules(), &outs[i], &errs[i])
			}()
		}
		wg.Wait()
		for i := range outs {
			if codes[i] != ExitFindings || outs[i].String() != want.String() || errs[i].Len() != 0 {
				t.Errorf("round %d, run %d: exit %d\n%s\nstderr:\n%s\nwant:\n%s", round, i, codes[i], outs[i].String(), errs[i].String(), want.String())
			}
		}
	}
	for _, e := range entries(t, cache) {
		if strings.HasPrefix(filepath.Base(e), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e)
		}
	}
}

func TestCheckEntry(t *testing.T) {
	t.Parallel()
	var k, other cacheKey
	k[0], other[0] = 1, 2
	sealed := sealEntry([]byte("body"), k)
	if body, ok := checkEntry(sealed, k); !ok || string(body) != "body" {
		t.Errorf("checkEntry(sealEntry) = %q, %v", body, ok)
	}
	if _, ok := checkEntry(sealed, other); ok {
		t.Errorf("an entry checks under another key")
	}
	for i := range sealed {
		bad := bytes.Clone(sealed)
		bad[i] ^= 1
		if _, ok := checkEntry(bad, k); ok {
			t.Errorf("an entry with byte %d flipped checks", i)
		}
	}
	for n := range len(sealed) {
		if _, ok := checkEntry(sealed[:n], k); ok {
			t.Errorf("an entry cut to %d bytes checks", n)
		}
	}
}
