package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A status mapping in a base package (apierr) answers its errors with 403
// (or, for gRPC, PermissionDenied);
// which of them are authentication failures only the packages that import
// it know, by what they return when a check fails. They report the
// mapping, at its line in the base package: go/analysis's test harness
// checks each package's findings against that package's files only, so
// this test reads the fixture's `// want` comments itself, across the
// packages, and expects each finding once whichever packages report it.
func TestImportedMappings(t *testing.T) {
	for _, fixture := range []string{"authforbidden/basemap", "authforbidden/kinds"} {
		t.Run(fixture, func(t *testing.T) { importedMappings(t, fixture) })
	}
}

func importedMappings(t *testing.T, fixture string) {
	root := testdataDir()
	pkgs, errs := loadAll(t, root, gopathEnv(root), fixture+"/...")
	if len(errs) > 0 {
		t.Fatalf("the fixture does not load: %v", errs)
	}
	want := make(map[string]*regexp.Regexp) // base:line → message
	dir := filepath.Join(root, "src", fixture)
	wantRE := regexp.MustCompile("// want `([^`]*)`")
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := wantRE.FindStringSubmatch(line); m != nil {
				want[fmt.Sprintf("%s:%d", filepath.Base(path), i+1)] = regexp.MustCompile(m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("no expectations in the fixture: the test would prove nothing")
	}
	got := make(map[string][]string)
	for _, h := range analyze(t, pkgs, nil) {
		if h.Rule != "authforbidden" && h.Rule != "grpcauthcode" {
			continue
		}
		k := fmt.Sprintf("%s:%d", filepath.Base(h.Posn.Filename), h.Posn.Line)
		if !slices.Contains(got[k], h.Message) {
			got[k] = append(got[k], h.Message)
		}
	}
	for k, re := range want {
		if len(got[k]) != 1 || !re.MatchString(got[k][0]) {
			t.Errorf("%s: want one finding matching %q, got %q", k, re, got[k])
		}
	}
	for k, msgs := range got {
		if want[k] == nil {
			t.Errorf("%s: unexpected %q", k, msgs)
		}
	}
}
