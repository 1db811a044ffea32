// Command zhibiao reads Chinese government reports and extracts their
// economic indicators into a normalised model and Excel workbooks.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], system())) }
