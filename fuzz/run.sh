#!/usr/bin/env bash
# Coverage-guided fuzzing on stable Rust: AFL++ through cargo-afl. Each target runs for SECONDS
# (default 60) from a few seed inputs written here, and the script prints how far each got and
# whether anything crashed (a crash's input is kept under fuzz/out/TARGET/default/crashes/).
# Needs: `apt-get install afl++` (for its tools) and `cargo install cargo-afl` (which builds
# AFL++'s runtime for this rustc). Usage: fuzz/run.sh [SECONDS] [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract feed page_format jsonl search_query comment_form understand)
cargo afl build --release -q
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_QUIET=1
seed() {
  local dir=in/$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $1 in
    extract)
      printf '<html><head><title>Tides</title><meta charset="utf-8"></head><body><nav><a href="/">Home</a></nav><article><h1>Tides</h1><p>The spring tides flooded the quay twice, the harbour master said.</p><p>1:\xe2\x80\x9cThe Fall\xe2\x80\x9d</p></article><div class="c" id="c101"><p>A reader wrote.</p><p>9 April 2026, 19:01</p></div></body></html>' > "$dir/page.html"
      printf '<table><tr><td>Note 1: the maps, by appointment.</td></tr><tr><td><div><p>Short post, one sentence long, about the ferry.</p></div></td></tr></table>' > "$dir/table.html" ;;
    feed)
      printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>A &amp; B</title><link>https://x.example/a</link><description><![CDATA[<p>Text</p>]]></description><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>' > "$dir/rss.xml"
      printf '<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><title>E</title><link href="https://x.example/e"/><content type="xhtml"><div><p>Hi</p></div></content><updated>2026-03-03T10:00:00Z</updated></entry></feed>' > "$dir/atom.xml"
      printf '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://x.example/1","content_html":"<p>x</p>","date_published":"2026-03-03T10:00:00Z"}]}' > "$dir/feed.json" ;;
    page_format)
      printf 'Tides flood the quay\n\n3\n0190c6a2-1b1e-7c3d-9a4f-2b6e8d1c0a55\n\nThe spring tides flooded the quay.\n\nThe harbour master said so\non Thursday.\n\nOriginal Source: www.x.example\n\nLeave a Reply\n' > "$dir/page.txt" ;;
    jsonl)
      printf '{"title":"Tides","text":"The spring tides flooded the quay.","url":"https://x.example/t","published":"2026-03-03T10:00:00Z","source":"x.example"}\n' > "$dir/one.jsonl" ;;
    comment_form)
      printf 'comment=The+quay+flooded.&author=Wren&email=wren%%40example.org&url=https%%3A%%2F%%2Fx.example&parent=12&token=abc&remember=1' > "$dir/form.txt" ;;
    understand)
      printf 'Ferry crews vote to strike at Port Ellis\nPORT ELLIS (Harbor Wire) - Ferry crews voted on Tuesday to strike, the union said. European Central Bank President Christine Lagarde spoke in Frankfurt. Die Gewerkschaft sagte am Montag, der Streik beginne. \xe5\x8c\x97\xe4\xba\xac\xe5\xb8\x82\xe6\x94\xbf\xe5\xba\x9c\xe5\x91\xa8\xe4\xba\x8c\xe8\xa1\xa8\xe7\xa4\xba\xe3\x80\x82 1:\xe2\x80\x9cThe Fall\xe2\x80\x9d\n\nOriginal Source: www.x.example\n' > "$dir/article.txt"
      printf 'Выборы\nЛидер Келлской либеральной партии Ана Брук вручила премию Гордону Тавернеру. Фильм «Большая река» показали в 10:30 MSK.\nUPDATE 2:52 p.m. EST \xe2\x80\x94 Walter Taylor III said; Taylor left. Ana Brook y\n' > "$dir/names.txt"
      printf '\xe6\xb8\xaf\xe5\x8f\xa3\xe5\xa4\xa7\xe6\xa1\xa5\xe9\x87\x8d\xe6\x96\xb0\xe5\xbc\x80\xe6\x94\xbe\x0a\xe7\xbb\x8f\xe8\xbf\x87\xe4\xb8\x89\xe5\x91\xa8\xe7\x9a\x84\xe7\xbb\xb4\xe4\xbf\xae\xef\xbc\x8c\xe6\xb8\xaf\xe5\x8f\xa3\xe5\xa4\xa7\xe6\xa1\xa5\xe4\xbb\x8a\xe5\xa4\xa9\xe9\x87\x8d\xe6\x96\xb0\xe5\xbc\x80\xe6\x94\xbe\xe3\x80\x82\xe6\xb8\xa1\xe8\xbd\xae\xe5\x85\xac\xe5\x8f\xb8\xe8\xaf\xb4\xef\xbc\x8c\xe6\xb8\xaf\xe5\x8f\xa3\xe5\xa4\xa7\xe6\xa1\xa5\xe5\xbc\x80\xe6\x94\xbe\xe5\x90\x8e\xe4\xb9\x98\xe5\xae\xa2\xe4\xbc\x9a\xe5\x87\x8f\xe5\xb0\x91\xe3\x80\x82\xe6\xb8\xaf\xe3\x81\xae\xe6\xa9\x8b\xe3\x81\x8c\xe5\x86\x8d\xe9\x96\x8b\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\xe3\x83\x95\xe3\x82\xa7\xe3\x83\xaa\xe3\x83\xbc\xe3\x81\xaf\xe9\x80\x9a\xe5\xb8\xb8\xe9\x81\x8b\xe8\x88\xaa\xe3\x81\xab\xe6\x88\xbb\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82\x0a' > "$dir/han.txt"
      printf 'La Banca d\x27Italia e i leader dell\xe2\x80\x99Unione europea\nIl presidente della Repubblica Sergio Kellani ha firmato. La Corte costituzionale, il coup d\x27\xc3\xa9tat, la C\xc3\xb4te d\x27Ivoire. O Banco do Kellmar e Ricardo Albuquerque de Sousa, morre. d\x27 d\xe2\x80\x99 dell\x27\n' > "$dir/elisions.txt"
      printf 'Wybory w Kellandii\nPremier Donald Kellski spotka\xc5\x82 si\xc4\x99 z Ann\xc4\x85 Kellowsk\xc4\x85 w Krakowie. Prezydenta Rosji W\xc5\x82adimira Kellina nie by\xc5\x82o. Urz\xc4\x85d Ochrony Kellandii i Kellonii, Nagrod\xc4\x99 Kellmana.\nIl Bologna ha battuto il Torino; la Cour des comptes, el estadio Ana Kellbrook, O governador de S\xc3\xa3o Paulo, Kellmar Vint, inaugurou. em Kellpur, Paquist\xc3\xa3o, v. Brook\n' > "$dir/declined.txt" ;;
    search_query)
      printf 'harbour -ferry "spring tides" lang:de source:x.example after:2026-01-01 OR tide*' > "$dir/query.txt"
      printf '\xe6\xb8\xaf\xe5\x8f\xa3\xe5\xa4\xa7\xe6\xa1\xa5 harbour -\xe6\xb8\xa1\xe8\xbd\xae "\xe6\xb8\xaf\xe5\x8f\xa3 x" \xe0\xb9\x80\xe0\xb8\x94\xe0\xb9\x87\xe0\xb8\x81 OR \xec\x84\x9c\xec\x9a\xb8 iPhone\xe6\x89\x8b*' > "$dir/unspaced.txt"
      printf '\xe5\x9c\xb0\xe9\x9c\x87 OR earthquake -harbour OR \xe6\xb8\xaf* lang:ja' > "$dir/either.txt" ;;
  esac
}
mkdir -p out
for t in "${targets[@]}"; do
  seed "$t"
  rm -rf "out/$t"
  timeout $((seconds + 30)) cargo afl fuzz -V "$seconds" -i "in/$t" -o "out/$t" "target/release/$t" > "out-$t.log" 2>&1 || true
  stats=out/$t/default/fuzzer_stats
  crashes=$(find "out/$t/default/crashes" -type f ! -name README.txt 2>/dev/null | wc -l)
  if [ -f "$stats" ]; then
    execs=$(awk -F': *' '$1 ~ /^execs_done/ {print $2}' "$stats")
    paths=$(awk -F': *' '$1 ~ /^corpus_count/ {print $2}' "$stats")
    echo "$t: ${seconds} s, ${execs} runs, ${paths} inputs in the corpus, ${crashes} crashes"
  else
    echo "$t: did not run (see fuzz/out-$t.log)"
  fi
done
