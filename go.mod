module zhibiao

go 1.26.8

require (
	github.com/spf13/pflag v1.0.10
	golang.org/x/text v0.43.0
)
