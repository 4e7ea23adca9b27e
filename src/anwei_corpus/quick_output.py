"""Generated from the typer application by ``python -m anwei_corpus.entry --write``: do not edit."""

HELP = (
    "                                                                                \n"
    " Usage: anwei [OPTIONS] COMMAND [ARGS]...                                       \n"
    "                                                                                \n"
    " Validate the anwei corpus and build its JSON release.                          \n"
    "                                                                                \n"
    "╭─ Options ────────────────────────────────────────────────────────────────────╮\n"
    "│ --help        <bool>  Show this message and exit.                            │\n"
    "╰──────────────────────────────────────────────────────────────────────────────╯\n"
    "╭─ Commands ───────────────────────────────────────────────────────────────────╮\n"
    "│ validate  Check the corpus: schema, references, numbering, totals and        │\n"
    "│           provenance.                                                        │\n"
    "│ rules     List every code a run can report, loader and schema codes          │\n"
    "│           included, with name, severity and summary.                         │\n"
    "│ rule      Print the documentation of one code: what it checks, an example    │\n"
    "│           and how to fix it.                                                 │\n"
    "│ export    Validate the corpus and write its release into OUT (atomically; an │\n"
    "│           invalid corpus writes nothing).                                    │\n"
    "│ diff      Compare two corpora: added, removed and changed entities and       │\n"
    "│           links, and the version bump they need.                             │\n"
    "│ new       Scaffold the next notice: its folder, source.txt with its SHA-256, │\n"
    "│           the YAML to fill in, and corpus.yaml.                              │\n"
    "│ schema    Write the JSON Schemas generated from the models, or check that    │\n"
    "│           the committed ones are current.                                    │\n"
    "╰──────────────────────────────────────────────────────────────────────────────╯\n"
    "\n"
)

RULES = (
    "AW001  yaml-syntax               error    The file is not valid YAML.\n"
    "AW002  duplicate-key             error    A mapping defines the same key twice.\n"
    "AW003  tab-indentation           error    A line is indented with a tab.\n"
    "AW004  disallowed-tag            error    A value carries a YAML tag other than the core schema's.\n"
    "AW005  encoding                  error    The file is not UTF-8.\n"
    "AW006  byte-order-mark           error    The file starts with a byte-order mark.\n"
    "AW007  control-character         error    The file holds a NUL or another control character.\n"
    "AW008  not-a-mapping             error    The file is empty or holds a list or a single value instead of a mapping.\n"
    "AW009  alias                     error    The file uses a YAML alias.\n"
    "AW010  too-deep                  error    The file nests deeper than any corpus file needs.\n"
    "AW011  file-too-large            error    The file is larger than the size limit.\n"
    "AW012  unreadable                error    A file or folder of the corpus is missing or cannot be read.\n"
    "AW013  symlink-outside           error    A corpus file is, or is reached through, a symbolic link pointing outside the corpus.\n"
    "AW101  schema                    error    A value does not fit the schema: missing or unknown key, wrong type or pattern.\n"
    "AW102  schema-version            error    The corpus is written for another major schema version.\n"
    "AW201  numbering                 error    Entities are numbered 1, 2, 3 … without gaps, repeats or disorder.\n"
    "AW203  doc-number-form           error    The 发文字号 reads 机关代字〔年份〕序号号 and matches its parsed parts.\n"
    "AW204  title-numeral             error    No part, section or category title and no measure text starts with a numbering label.\n"
    "AW205  dates                     error    Printed dates are real and equal their values; imprint date ≥ 成文日期; 发文字号 year = 成文日期 year.\n"
    "AW301  unknown-unit              error    Every unit reference resolves to the unit registry.\n"
    "AW302  unknown-person            error    Every leader reference resolves to the people registry.\n"
    "AW303  unknown-measure           error    Task links name measures that exist, and only when the basis is 'measures'.\n"
    "AW304  unknown-category          error    Every task's category number is a category of the table.\n"
    "AW305  duplicate-id              error    Every unit and person ID is used by one registry entry only.\n"
    "AW306  duplicate-alias           error    Unit names and aliases are unique across the registry.\n"
    "AW308  unit-list-matches         error    A measure's unit IDs match the unit list printed at the end of its text.\n"
    "AW309  unused-entry              warning  Every unit and person in the registries is used by some notice.\n"
    "AW310  task-category-order       error    Tasks are grouped under their category rows in table order; uncategorised tasks come first.\n"
    "AW311  repeated-reference        error    No leader or unit is named twice in one list, nor as both responsible and cooperating unit.\n"
    "AW312  notice-id-folder          error    Each notice's ID is the name of its folder.\n"
    "AW401  category-subtotal         error    Each category's printed subtotal equals its number of tasks.\n"
    "AW402  breakdown-total           error    The printed total line agrees with the categories and the tasks in them.\n"
    "AW403  announced-count           error    The closing paragraph's announced task count equals the number of tasks.\n"
    "AW501  category-part             error    Each category has the number and the title of a part of the body.\n"
    "AW502  task-category-part        error    A task of category N links only to measures in part N.\n"
    "AW503  task-units-in-measures    warning  Some responsible unit of a task stands in the unit list of a measure it links to.\n"
    "AW504  repeated-text             warning  No two measures, sections, parts, categories or tasks have the same text.\n"
    "AW601  half-width-punctuation    error    No half-width , ; : ? ! ( ) stands next to a Chinese character.\n"
    "AW602  stray-latin               error    No English word (two or more ASCII letters, not all capitals) stands in Chinese text.\n"
    "AW603  invisible-character       error    No zero-width, format or unusual space character stands in a text.\n"
    "AW604  not-nfc                   error    Every text is in Unicode NFC.\n"
    "AW605  stray-space               error    No whitespace pads a text or stands next to a Chinese character.\n"
    "AW606  bold-mark                 error    No leftover Markdown ** stands in a text.\n"
    "AW701  printed-in-source         error    The printed form rebuilt from each reading and its record is found in the source.\n"
    "AW702  edit-applies              error    Each editorial record's reading stands in its text, without overlapping another.\n"
    "AW703  source-checksum           error    The source text's SHA-256 matches the one recorded in notice.yaml.\n"
    "AW704  source-coverage           info     Reports the share of the source text the corpus accounts for.\n"
    "AW705  edit-note                 error    Every doubt edit and every edit less than certain carries a note.\n"
    "AW706  edit-kind                 error    An edit's kind fits its printed and reading forms (bold-mark, space, break, punctuation, …).\n"
    "AW707  registry-name-in-source   error    Every leader and unit name the task table uses is printed in some task row of the source.\n"
    "AW801  stale-suppression         warning  Every suppression accepts at least one finding of its code at its entity.\n"
    "AW802  invalid-suppression-code  error    Every suppression names the code of a rule whose findings a suppression can accept.\n"
)

VALIDATE_DEFAULT_PATH = "data"
VALIDATE_OPTIONS: dict[str, tuple[str, str]] = {
    "--format": ("output_format", "value"),
    "-f": ("output_format", "value"),
    "--select": ("select", "list"),
    "--ignore": ("ignore", "list"),
    "--strict": ("strict", "on"),
    "--no-strict": ("strict", "off"),
    "--output": ("output", "value"),
    "-o": ("output", "value"),
    "--cache": ("cache", "on"),
    "--no-cache": ("cache", "off"),
}
