#!/usr/bin/env Rscript
# Read the mali-caac data package in R, typed from its Table Schema, and select rows or break a stated
# total down by the same rules as mali_caac.select and mali_caac.breakdown (mali_caac/aggregate.py).
#
#   Rscript examples/r/breakdown.R                       # the README's example: killing and maiming by region
#   Rscript examples/r/breakdown.R breakdown grave_violations perpetrator violation=killing_and_maiming level=leaves
#   Rscript examples/r/breakdown.R select grave_violations violation=killing_and_maiming region=Mopti unit=children
#   MALI_CAAC_DATA=path/to/data Rscript examples/r/breakdown.R ...   # another copy of the package
#
# Output: CSV on stdout. `breakdown` prints the parts (role "part") and the stated total they add up to
# (role "total"), with row_id, the dimension's code, value and unit; `select` prints the rows it keeps.
# Needs only readr and jsonlite (Debian: r-cran-readr r-cran-jsonlite). rOpenSci's `frictionless` package
# reads any Frictionless data package too (install it from CRAN); this script shows the rules by hand.

suppressPackageStartupMessages({
  library(jsonlite)
  library(readr)
})

ROOT <- "all"                          # the code that marks a total along a dimension
REPEATS <- c("restates", "refines")    # rows that state another row's figure again: never counted twice

default_folder <- function() {
  env <- Sys.getenv("MALI_CAAC_DATA")
  if (nzchar(env)) return(env)
  args <- commandArgs(trailingOnly = FALSE)
  script <- sub("^--file=", "", args[grepl("^--file=", args)])
  here <- if (length(script)) dirname(normalizePath(script)) else getwd()
  file.path(here, "..", "..", "data")
}

read_package <- function(folder = default_folder()) {
  descriptor <- fromJSON(file.path(folder, "datapackage.json"), simplifyVector = FALSE)
  names(descriptor$resources) <- vapply(descriptor$resources, function(r) r$name, "")
  list(folder = folder, descriptor = descriptor, tables = list())
}

# The Table Schema's types as readr column types; a field with an `enum` constraint becomes a factor
# whose levels are the enum, in the descriptor's order.
col_type <- function(field) {
  type <- if (is.null(field$type)) "string" else field$type
  enum <- field$constraints$enum
  if (!is.null(enum) && type == "string") return(col_factor(levels = unlist(enum)))
  switch(type,
         string = col_character(), integer = col_integer(), number = col_double(),
         boolean = col_logical(), date = col_date(format = "%Y-%m-%d"),
         stop("unsupported Table Schema type: ", type))
}

read_table <- function(pkg, name) {
  res <- pkg$descriptor$resources[[name]]
  if (is.null(res) || is.null(res$schema)) stop("no table ", name, " in ", pkg$folder)
  fields <- res$schema$fields
  types <- setNames(lapply(fields, col_type), vapply(fields, function(f) f$name, ""))
  frame <- read_csv(file.path(pkg$folder, res$path), col_types = do.call(cols, types), na = "",
                    progress = FALSE)
  problems_found <- problems(frame)
  if (nrow(problems_found)) {
    print(problems_found)
    stop(res$path, ": cells that do not match the schema (above)")
  }
  frame
}

# ------------------------------------------------------------------------------------------ hierarchies
# Parent links of a dimension, as `mali_caac.hierarchy`: "parties", "periods", "regions" (their `parent`
# column), "categories:<dimension>", "flat" (every code under 'all') or "fixed" (never aggregated).
hierarchy <- function(pkg, spec) {
  if (spec %in% c("flat", "fixed")) return(list(kind = spec, parents = character()))
  parts <- strsplit(spec, ":", fixed = TRUE)[[1]]
  key <- c(parties = "party", periods = "period", regions = "region", categories = "code")[[parts[1]]]
  table <- read_table(pkg, parts[1])
  if (length(parts) == 2) table <- table[as.character(table$dimension) == parts[2], ]
  list(kind = "tree", parents = setNames(as.character(table$parent), as.character(table[[key]])))
}

parent_of <- function(h, code) {
  if (h$kind == "fixed" || code == ROOT) return(NA_character_)
  if (h$kind == "flat") return(ROOT)
  p <- unname(h$parents[code])
  if (length(p) == 0 || is.na(p) || p == "") NA_character_ else p
}

ancestors <- function(h, code) {
  out <- character()
  node <- parent_of(h, code)
  while (!is.na(node)) {
    if (node %in% c(out, code)) stop("cycle in a hierarchy at ", node)
    out <- c(out, node)
    node <- parent_of(h, node)
  }
  out
}

is_below <- function(h, code, ancestor) ancestor %in% ancestors(h, code)
additive <- function(h, code) code == ROOT || ROOT %in% ancestors(h, code)

# The codes strictly below `under` with no other such code above them (a coalition, not its members).
topmost <- function(h, codes, under) {
  below <- codes[vapply(codes, function(c) is_below(h, c, under), TRUE)]
  keep <- vapply(below, function(c) {
    above <- ancestors(h, c)
    above <- above[above != under & vapply(above, function(a) is_below(h, a, under), TRUE)]
    !any(above %in% below)
  }, TRUE)
  below[keep]
}

# ------------------------------------------------------------------------------------------ selections
equals <- function(column, value) {
  text <- as.character(column)
  !is.na(text) & text == value
}

# Rows of `table` where each column equals the value given; rows that restate or refine another are
# left out unless asked for (mali_caac.select).
select_rows <- function(pkg, table, conditions = list(), restatements = FALSE, refinements = FALSE) {
  frame <- read_table(pkg, table)
  shown <- c(restates = restatements, refines = refinements)
  for (col in intersect(REPEATS, names(frame))) {
    if (!shown[[col]]) frame <- frame[is.na(frame[[col]]), ]
  }
  for (col in names(conditions)) {
    if (!col %in% names(frame)) stop(table, " has no column ", col)
    frame <- frame[equals(frame[[col]], conditions[[col]]), ]
  }
  frame
}

# The rows that break a stated total down along `dimension` (mali_caac.breakdown): every other dimension
# 'all' unless fixed, restatements, refining rows and the total itself left out, one unit (the most
# common among the parts unless given), and no part counted twice: level "topmost" keeps a coalition's
# subtotal rather than its members, "leaves" the members rather than the coalition.
breakdown <- function(pkg, table, dimension, fixed = list(), level = "topmost", unit = NULL) {
  dims <- pkg$descriptor$resources[[table]]$mali_caac$dimensions
  if (is.null(dims) || is.null(dims[[dimension]])) stop(table, " has no dimension ", dimension)
  h <- hierarchy(pkg, dims[[dimension]])
  frame <- read_table(pkg, table)
  keep <- rep(TRUE, nrow(frame))
  for (col in intersect(REPEATS, names(frame))) keep <- keep & is.na(frame[[col]])
  for (d in names(dims)) {
    if (d == dimension) next
    if (dims[[d]] == "fixed" && is.null(fixed[[d]])) next
    want <- if (is.null(fixed[[d]])) ROOT else fixed[[d]]
    keep <- keep & equals(frame[[d]], want)
  }
  rows <- frame[keep, ]
  codes <- as.character(rows[[dimension]])
  if (is.null(unit) && nrow(rows)) {
    units <- rows$unit[is.na(codes) | codes != ROOT]
    counts <- table(factor(as.character(units), levels = levels(rows$unit)))
    counts <- counts[counts > 0]
    # the most common unit; a tie goes to the unit listed first in the schema, as pandas' value_counts does
    unit <- if (length(counts)) names(counts)[order(-as.vector(counts), seq_along(counts))][1] else
      as.character(rows$unit[1])
  }
  rows <- rows[equals(rows$unit, unit), ]
  codes <- as.character(rows[[dimension]])
  total <- rows[!is.na(codes) & codes == ROOT, ]
  parts <- codes[!is.na(codes) & codes != ROOT]
  parts <- parts[vapply(parts, function(c) additive(h, c), TRUE)]
  kept <- if (level == "topmost") {
    topmost(h, parts, ROOT)
  } else if (level == "leaves") {
    parts[!vapply(parts, function(c) any(vapply(parts, function(o) is_below(h, o, c), TRUE)), TRUE)]
  } else {
    stop("level must be 'topmost' or 'leaves', not ", level)
  }
  out <- rows[codes %in% kept, ]
  list(parts = out, total = if (nrow(total)) total[1, ] else NULL)
}

# ------------------------------------------------------------------------------------------ command line
parse_conditions <- function(args) {
  out <- list()
  for (a in args) {
    kv <- regmatches(a, regexpr("=", a), invert = TRUE)[[1]]
    if (length(kv) != 2) stop("expected COLUMN=VALUE, got ", a)
    out[[kv[1]]] <- kv[2]
  }
  out
}

main <- function(args) {
  if (length(args) == 0) args <- c("breakdown", "grave_violations", "region", "violation=killing_and_maiming")
  pkg <- read_package()
  command <- args[1]
  if (command == "breakdown") {
    conditions <- parse_conditions(args[-(1:3)])
    level <- if (is.null(conditions$level)) "topmost" else conditions$level
    unit <- conditions$unit
    conditions$level <- NULL
    conditions$unit <- NULL
    result <- breakdown(pkg, args[2], args[3], conditions, level = level, unit = unit)
    shown <- function(rows, role) {
      data.frame(role = rep(role, nrow(rows)), row_id = rows$row_id, code = as.character(rows[[args[3]]]),
                 value = rows$value, unit = as.character(rows$unit))
    }
    out <- shown(result$parts, "part")
    if (!is.null(result$total)) out <- rbind(out, shown(result$total, "total"))
    names(out)[3] <- args[3]
  } else if (command == "select") {
    rows <- select_rows(pkg, args[2], parse_conditions(args[-(1:2)]))
    out <- data.frame(row_id = rows$row_id, value = rows$value, unit = as.character(rows$unit))
  } else {
    stop("the first argument is 'breakdown' or 'select', not ", command)
  }
  cat(format_csv(out, na = ""))
}

if (sys.nframe() == 0) main(commandArgs(trailingOnly = TRUE))
