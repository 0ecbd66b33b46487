// Run by lr4j's build after this example (lr4j-examples-it): what it printed must be timm's tanh schedule.
// Reference: case tanh-groups-lr_scale of timm's traces (t_initial 30, warmup_t 3, warmup_lr_init 1e-4), whose
// group 0 has lr 0.1, like this example's single group.
def checks = evaluate(new File(checksScript))
def rows = checks.matching(new File(basedir, 'build.log'), ~/^epoch (\d+) lr (\S+) w (\S+)$/)
assert rows.size() == 30 : "expected 30 epoch lines, got ${rows.size()}"
def expected = checks.referenceEpochLrs(new File(goldenDir), 'tanh-groups-lr_scale', 0)
double w = 0
rows.eachWithIndex { row, i ->
    int epoch = row[0] as int
    double lr = Double.parseDouble(row[1])
    assert epoch == i
    assert checks.matches(lr, expected[epoch], 0.1d) : "epoch $epoch: lr $lr, reference ${expected[epoch]}"
    // the toy model's update used that rate: w -= lr * 2 * (w - 3), from the reference's rate
    w -= expected[epoch] * 2 * (w - 3)
    double printed = Double.parseDouble(row[2])
    assert Math.abs(printed - w) <= 1e-12 * Math.max(1, Math.abs(w)) : "epoch $epoch: w $printed, expected $w"
}
assert Math.abs(Double.parseDouble(rows[-1][2]) - 3) < 0.05 : "w should end near 3, got ${rows[-1][2]}"

// The README shows this whole program and this project's dependency on lr4j-core, unchanged.
def readmeFile = new File(readme)
def source = new File(basedir, 'src/main/java/example/PlainLoop.java').text.trim()
assert checks.fencedBlocks(readmeFile, 'java').any { it.trim() == source } :
        "README.md shows no java block equal to examples/plain-loop/src/main/java/example/PlainLoop.java"
def pom = checks.squashed(new File(basedir, 'pom.xml').text)
def xml = checks.fencedBlocks(readmeFile, 'xml').findAll { it.contains('lr4j-core') }
assert xml && xml.every { pom.contains(checks.squashed(it)) } :
        "README.md's Maven snippet for lr4j-core is not the dependency of examples/plain-loop/pom.xml"
def firstLine = new File(basedir, 'build.log').readLines().find { it.startsWith('epoch 0 ') }
assert readmeFile.text.contains('It prints `' + firstLine + '`') : "README.md should quote the first line printed: $firstLine"
true
