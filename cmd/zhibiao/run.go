package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"zhibiao/extract/catalogue"
	"zhibiao/internal/cleanup"
)

// Set by the linker (see Makefile).
var (
	version = "dev"
	commit  = "none"
)

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1 // some input could not be read
	exitUsage = 2
)

// errUsage marks errors the user fixes by changing the command line.
var errUsage = errors.New("usage")

// app is one run of zhibiao: the language it speaks, its streams, and
// what the command line asked of it.
type app struct {
	p        *message.Printer
	lang     language.Tag
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	terminal bool             // stderr is a terminal: a progress line is shown
	quiet    bool             // --quiet: no progress, no summary
	now      func() time.Time // the clock, read for the {date} of an output name only
	pause    bool             // a drop run waits for a key before it ends
}

// env is what a run takes from the world: its streams, its environment
// variables, the clock, and whether a run of dropped files waits for a key
// before its window closes. Tests pass their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	pauseAfterDrop bool
}

// system is the environment of the process: on Windows, where files are
// dropped onto zhibiao.exe, the window waits so that its summary can be
// read.
func system() env {
	return env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, now: time.Now,
		pauseAfterDrop: runtime.GOOS == "windows"}
}

func run(args []string, e env) int {
	onSignals.Do(cleanUpOnSignals)
	stdout, stderr := e.stdout, e.stderr
	a := &app{stdin: e.stdin, stdout: e.stdout, stderr: stderr, now: e.now, pause: e.pauseAfterDrop}
	a.lang = chooseLanguage(args, e.getenv)
	a.p = message.NewPrinter(a.lang)
	if f, ok := stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			a.terminal = true
		}
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, a.p.Sprintf(usageMain))
		return exitUsage
	}
	var err error
	status := exitOK
	switch args[0] {
	case "export":
		status, err = a.runExport(args[1:])
	case "extract":
		status, err = a.runExtract(args[1:])
	case "fill":
		status, err = a.runFill(args[1:])
	case "indicators":
		err = a.runIndicators(args[1:])
	case "layout":
		err = a.runLayout(args[1:])
	case "version":
		fmt.Fprintln(stdout, a.p.Sprintf("zhibiao %s (commit %s, catalogue %s)", version, commit, catalogue.DefaultCatalogue().Version))
	case "help", "-h", "--help":
		fmt.Fprint(stdout, a.p.Sprintf(usageMain))
	default:
		if isDrop(args) {
			status, err = a.runDrop(args)
			break
		}
		err = a.usageError("unknown command %q", args[0])
	}
	if errors.Is(err, pflag.ErrHelp) {
		return exitOK // the help was asked for, and given
	}
	if err != nil {
		fmt.Fprintf(stderr, "zhibiao: %s\n", escapeControls(a.describe("", err)))
		if errors.Is(err, errUsage) {
			return exitUsage
		}
		return exitInput
	}
	return status
}

// onSignals installs the handler of interrupts once.
var onSignals sync.Once

// cleanUpOnSignals makes an interrupt or a termination (Ctrl-C, a
// service stopped) remove the run's temporary files and kill the programs
// it started before it ends, with the status of the signal (130, 143).
func cleanUpOnSignals() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-c
		cleanup.Run()
		code := 130
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}

// usageErr is a mistake on the command line, said in the user's language.
type usageErr struct{ msg string }

func (e *usageErr) Error() string { return e.msg }
func (e *usageErr) Unwrap() error { return errUsage }

// usageError makes a usage error of a message of the catalog.
func (a *app) usageError(format string, args ...any) error {
	return &usageErr{a.p.Sprintf(format, args...) + "\n" + a.p.Sprintf("Run zhibiao help for usage.")}
}

// chooseLanguage picks the language of messages: --lang (en or zh)
// anywhere on the command line, else the locale (LC_ALL, LC_MESSAGES,
// LANG) when it is English, else Chinese.
func chooseLanguage(args []string, getenv func(string) string) language.Tag {
	for i, arg := range args {
		v, ok := strings.CutPrefix(arg, "--lang=")
		if !ok && arg == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return language.English
			}
			return language.Chinese
		}
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return language.English
			}
			return language.Chinese
		}
	}
	return language.Chinese
}

// newFlags makes the flag set of a subcommand with the flags every
// subcommand has.
func (a *app) newFlags(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("lang", "", a.p.Sprintf("language of messages: zh or en (default: from LANG, else zh)"))
	fs.BoolVarP(&a.quiet, "quiet", "q", false, a.p.Sprintf("no progress line and no summary"))
	return fs
}

// parse parses a subcommand's flags; --help prints its usage.
func (a *app) parse(fs *pflag.FlagSet, usage string, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		fmt.Fprint(a.stdout, a.p.Sprintf(usage))
		fmt.Fprintln(a.stdout)
		fmt.Fprintln(a.stdout, strings.TrimRight(a.flagUsages(fs), "\n"))
		return err
	}
	if err != nil {
		return a.flagError(err)
	}
	return nil
}

// flagError says a mistake of the flags in the user's language, from the
// parts of pflag's error.
func (a *app) flagError(err error) error {
	var (
		unknown *pflag.NotExistError
		missing *pflag.ValueRequiredError
		invalid *pflag.InvalidValueError
		syntax  *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &unknown):
		return a.usageError("unknown flag: %s", flagName(unknown.GetSpecifiedName(), unknown.GetSpecifiedShortnames()))
	case errors.As(err, &missing):
		return a.usageError("flag needs an argument: %s", flagName(missing.GetSpecifiedName(), missing.GetSpecifiedShortnames()))
	case errors.As(err, &invalid):
		return a.usageError("invalid value %q for --%s", invalid.GetValue(), invalid.GetFlag().Name)
	case errors.As(err, &syntax):
		return a.usageError("bad flag syntax: %s", syntax.GetSpecifiedFlag())
	}
	return a.usageError("%v", err)
}

// flagName writes a flag as it was given: --name, or -x for a shorthand.
func flagName(name, shorthands string) string {
	if name != "" {
		return "--" + name
	}
	return "-" + shorthands
}

// flagUsages lists the flags of a subcommand, their defaults said in the
// user's language: (default "auto") is pflag's English.
func (a *app) flagUsages(fs *pflag.FlagSet) string {
	if a.lang == language.English {
		return fs.FlagUsages()
	}
	fs.VisitAll(func(f *pflag.Flag) {
		zero := map[string]string{"bool": "false", "int": "0", "float64": "0", "duration": "0s", "stringSlice": "[]", "stringArray": "[]"}[f.Value.Type()]
		if f.DefValue != zero && !(f.Value.Type() == "bool" && f.DefValue == "") {
			f.Usage += a.p.Sprintf(" (default %s)", f.DefValue)
			f.DefValue = zero
		}
	})
	return fs.FlagUsages()
}
