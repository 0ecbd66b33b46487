// Run by lr4j's build after this example (lr4j-examples-it): the learning rate of every epoch must be timm's tanh
// schedule, and the network must have learnt. Reference: case tanh-groups-lr_scale of timm's traces (t_initial 30,
// warmup_t 3, warmup_lr_init 1e-4), whose group 0 has lr 0.1, like this example's single group.
def checks = evaluate(new File(checksScript))
def log = new File(basedir, 'build.log')
def rows = checks.matching(log, ~/^epoch (\d+) lr (\S+) loss (\S+)$/)
assert rows.size() == 30 : "expected 30 epoch lines, got ${rows.size()}"
def expected = checks.referenceEpochLrs(new File(goldenDir), 'tanh-groups-lr_scale', 0)
rows.eachWithIndex { row, i ->
    int epoch = row[0] as int
    double lr = Double.parseDouble(row[1])
    assert epoch == i
    assert checks.matches(lr, expected[epoch], 0.1d) : "epoch $epoch: lr $lr, reference ${expected[epoch]}"
}
double first = Double.parseDouble(rows[0][2])
double last = Double.parseDouble(rows[-1][2])
assert last < first / 2 : "training loss should at least halve: epoch 0 $first, epoch 29 $last"
def accuracy = checks.matching(log, ~/^validation accuracy (\S+)$/)
assert accuracy.size() == 1 : "no validation accuracy line"
assert Double.parseDouble(accuracy[0][0]) >= 0.9 : "validation accuracy ${accuracy[0][0]} < 0.9"

// The README shows this program's marked region unchanged.
def region = checks.readmeRegion(new File(basedir, 'src/main/java/example/DjlEasyTrain.java'))
assert checks.fencedBlocks(new File(readme), 'java').any { it.trim() == region.trim() } :
        "README.md shows no java block equal to the README region of examples/djl-easytrain's DjlEasyTrain.java"
true
