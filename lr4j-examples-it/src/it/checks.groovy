// Helpers for the examples' verify.groovy scripts (evaluated by them; the last expression is the helpers' map).
// The learning rates an example prints are compared with timm's reference traces under the rule of the
// traces' README: |a - e| <= 1e-12 * max(|e|, s).
import groovy.json.JsonSlurper

/** The lines of an example's build.log that match pattern, as their match groups. */
def matching = { File log, java.util.regex.Pattern pattern ->
    log.readLines().collect { it.trim() =~ pattern }.findAll { it.matches() }.collect { m ->
        (1..m.groupCount()).collect { m.group(it) }
    }
}

/** Group `group`'s learning rate at the start of each epoch of reference case `id`, driven by step(t). */
def referenceEpochLrs = { File goldenDir, String id, int group ->
    def line = new File(goldenDir, 'timm-curated.jsonl').readLines().find { it.contains('"id": "' + id + '"') || it.contains('"id":"' + id + '"') }
    assert line != null : "reference case $id not found in $goldenDir"
    def c = new JsonSlurper().parseText(line)
    assert c.drive == 'step'
    def byT = [:]
    byT[0] = c.initial_lrs[group] as double
    c.t.eachWithIndex { t, i -> if (i == 0 || t != 0) byT[t as int] = c.lrs[i][group] as double }
    byT
}

/** Whether a matches e within 1e-12 * max(|e|, s). */
def matches = { double a, double e, double s -> Math.abs(a - e) <= 1e-12 * Math.max(Math.abs(e), s) }

/** The fenced code blocks of a Markdown file written in language `lang`, each without its fences. */
def fencedBlocks = { File markdown, String lang ->
    def blocks = []
    def current = null
    markdown.readLines().each { line ->
        if (current == null && line.trim() == '```' + lang) {
            current = []
        } else if (current != null && line.trim() == '```') {
            blocks << current.join('\n')
            current = null
        } else if (current != null) {
            current << line
        }
    }
    blocks
}

/** The lines of a Java source between `// README: begin` and `// README: end`, without their common indent. */
def readmeRegion = { File source ->
    def lines = source.readLines()
    int begin = lines.findIndexOf { it.trim() == '// README: begin' }
    int end = lines.findIndexOf { it.trim() == '// README: end' }
    assert begin >= 0 && end > begin : "no // README: begin ... // README: end region in $source"
    def region = lines.subList(begin + 1, end)
    int indent = region.findAll { it.trim() }.collect { it.length() - it.stripLeading().length() }.min()
    region.collect { it.length() >= indent ? it.substring(indent) : it.trim() }.join('\n')
}

/** Text with each line's surrounding blanks removed and blank lines dropped: XML snippets compared by content. */
def squashed = { String text -> text.readLines().collect { it.trim() }.findAll { it }.join('\n') }

[matching: matching, referenceEpochLrs: referenceEpochLrs, matches: matches, fencedBlocks: fencedBlocks,
 readmeRegion: readmeRegion, squashed: squashed]
