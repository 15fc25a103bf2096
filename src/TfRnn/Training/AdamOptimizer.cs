namespace TfRnn;

/// <summary>
/// tf.train.AdamOptimizer: m and v slots (<c>var/Adam</c>, <c>var/Adam_1</c>), bias correction through the
/// beta1_power / beta2_power accumulators (initialized to β1, β2; multiplied by β after each apply), and
/// ε added after the square root (TF's "epsilon hat").
/// </summary>
public sealed class AdamOptimizer(TensorLike learning_rate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8,
    bool use_locking = false, string name = "Adam") : Optimizer(name, use_locking)
{
    Tensor? _lr, _beta1, _beta2, _epsilon;
    Variable? _beta1Power, _beta2Power;

    /// <inheritdoc/>
    protected override void CreateSlots(IReadOnlyList<Variable> vars)
    {
        var first = vars.OrderBy(v => v.name, StringComparer.Ordinal).First();
        // TF keeps the accumulators float32 whatever the variables' dtype (they come from Python floats).
        _beta1Power = NonSlot(first.graph, "beta1_power", beta1);
        _beta2Power = NonSlot(first.graph, "beta2_power", beta2);
        foreach (var v in vars)
        {
            ZerosSlot(v, "m");
            ZerosSlot(v, "v");
        }
    }

    /// <inheritdoc/>
    protected override void Prepare()
    {
        _lr = OpBuilder.ToTensor(learning_rate, name: "learning_rate");
        _beta1 = tf.constant(beta1, name: "beta1");
        _beta2 = tf.constant(beta2, name: "beta2");
        _epsilon = tf.constant(epsilon, name: "epsilon");
    }

    /// <inheritdoc/>
    protected override ITensorOrOperation ApplyDense(Tensor grad, Variable var) =>
        UpdateOp("ApplyAdam", new[] { var, get_slot(var, "m")!, get_slot(var, "v")! },
            new[] { _beta1Power!.value(), _beta2Power!.value(), _lr!, _beta1!, _beta2!, _epsilon!, grad }, OptimizerKernels.Adam);

    /// <inheritdoc/>
    protected override Operation Finish(List<ITensorOrOperation> updates, string scopeName)
    {
        var graph = _beta1Power!.graph;
        ITensorOrOperation updateBeta1, updateBeta2;
        using (graph.control_dependencies(updates))
        {
            updateBeta1 = _beta1Power.assign(_beta1Power * _beta1!);
            updateBeta2 = _beta2Power!.assign(_beta2Power * _beta2!);
        }
        return tf.group(updates.Append(updateBeta1).Append(updateBeta2), scopeName);
    }
}
