#!/bin/sh
# import's checks of a row's values against dossier.md, which
# tests/import/hostile.sh does not show: a reform date and a periodicity
# out of range, a delegation share over 1, an absence on a convocation
# that is no return and a return without one, an id given twice for one
# employee, an action of an interview that does not exist, a company
# without its signatory, an employee without a company, a notice given
# without how, a required cell empty.  One export made
# here from samples/export/; its messages and exit status, the
# temporary directory shown as T (tests/golden.d/messages.sh).
#
# usage: sh tests/msg/import-values.sh PARCOURS
set -u
P=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
s=samples/export
e=$t/export
mkdir -p "$e"
{ head -1 $s/societes.csv
  # (the export ends its lines with CR LF)
  grep "^TML;" $s/societes.csv | sed "s/;auto;;;;\r\{0,1\}$/;auto;01\/01\/2024;60;;/"
  echo 'NOS;Sans Signataire SARL;12345678900012;12;1 rue A;;;45000;Orléans;;;auto;;;;'
} >"$e/societes.csv"
{ head -1 $s/salaries.csv
  grep '^E0042;' $s/salaries.csv
  grep '^E0107;' $s/salaries.csv | sed 's/^E0107;TML;/E0107;NOS;/'
  grep '^E0042;' $s/salaries.csv | sed 's/^E0042;TML;/E0999;;/'
  grep '^E0042;' $s/salaries.csv |
	sed 's/^E0042;/E0043;/; s/;hand\(\r\{0,1\}\)$/;\1/'
  grep '^E0042;' $s/salaries.csv | sed 's/^E0042;/E0044;/; s/;Benali;/;;/'
} >"$e/salaries.csv"
{ head -1 $s/mandats.csv
  echo 'E0042;union;01/01/2020;31/12/2025;1,5'; } >"$e/mandats.csv"
{ head -1 $s/convocations.csv
  echo "E0042;C1;periodic;12/08/2019;02/09/2019 10:00;Salle Loire;Jean Roux;Chef;hand;;parental-leave;held;"
  echo "E0042;C2;return;06/12/2021;10/01/2022 14:00;Salle Loire;Jean Roux;Chef;hand;;;held;"
  echo "E0107;C5;periodic;06/12/2021;10/01/2022 14:00;Salle Loire;Jean Roux;Chef;hand;;;held;"
  echo "E0107;C5;periodic;06/12/2023;10/01/2024 14:00;Salle Loire;Jean Roux;Chef;hand;;;held;"
} >"$e/convocations.csv"
{ head -1 $s/actions.csv
  echo 'E0042;I9;training;31/12/2024;;Formation'; } >"$e/actions.csv"
"$P" import "$e" -o "$t/out" >"$t/log" 2>&1
echo "exit $?"
sed "s|$t|T|g" "$t/log"
