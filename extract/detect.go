package extract

import (
	"strconv"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// detect sets a report's region and year, with the evidence of each:
// given by the options, else told by the text. It returns an error, a
// *FileError of the report's path naming the candidates and the fix, when
// the text does not settle either; a reading of names or years alone is
// kept, with a warning. late says the report was delivered late in the
// year before the one it plans (its 今年 is the year it reviews).
func detect(rep *model.Report, text *text.Text, opts Options) (late bool, err error) {
	path := rep.Source.Path
	if opts.Year != 0 {
		rep.Year = opts.Year
		rep.YearEvidence = &model.Evidence{By: model.ByGiven}
	} else {
		d := detectYear(text)
		rep.Year, late = d.year, d.late
		rep.YearEvidence = &d.evidence
		if d.evidence.By == model.ByYears {
			rep.Warnings = append(rep.Warnings, model.Warnf(0, "report year %s read only from the years the text mentions most; if wrong, name it in a manifest, as: %s", strconv.Itoa(d.year), manifestLine(path, rep.Region.Name, d.year)))
		}
	}
	if opts.Region != "" {
		reg, ok := model.RegionByName(opts.Region)
		if !ok {
			reg = model.Region{Name: opts.Region}
			rep.Warnings = append(rep.Warnings, model.Warnf(0, "region %s is not in the GB/T 2260 table", opts.Region))
		}
		rep.Region = reg
		rep.RegionEvidence = &model.Evidence{By: model.ByGiven}
	} else {
		d := detectRegion(text)
		if d.region.Name == "" {
			return late, regionError(path, d.candidates, rep.Year)
		}
		rep.Region, rep.RegionEvidence = d.region, &d.evidence
		if d.evidence.By == model.ByNames {
			rep.Warnings = append(rep.Warnings, model.Warnf(0, "region %s read only from the names the text uses (%s); if wrong, name it in a manifest, as: %s", d.region.Name, d.evidence.Summary(), manifestLine(path, d.region.Name, rep.Year)))
		}
	}
	if rep.Year == 0 {
		line := manifestLine(path, rep.Region.Name, 0)
		if ev := rep.YearEvidence; ev != nil && ev.RunnerUp != nil {
			return late, &model.FileError{Path: path, Warning: model.Warnf(0, "cannot tell the report's year: its review and plan point to different years (%s); name it in a manifest, as: %s", ev.Summary(), line)}
		}
		return late, &model.FileError{Path: path, Warning: model.Warnf(0, "cannot tell the report's year: the text names no year of its review or plan; name it in a manifest, as: %s", line)}
	}
	return late, nil
}

// manifestLine is the line of a manifest that names a report's region and
// year: path,新乡市,2025.
func manifestLine(path, region string, year int) string {
	if region == "" {
		region = "地区名称"
	}
	y := "年份"
	if year != 0 {
		y = strconv.Itoa(year)
	}
	return path + "," + region + "," + y
}
