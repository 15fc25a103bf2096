namespace TfRnn;

/// <summary>
/// tf.train.RMSPropOptimizer: ms = decay·ms + (1−decay)·g² (slot <c>var/RMSProp</c>, starting at ones);
/// mom = momentum·mom + lr·g/√(ms + ε) (slot <c>var/RMSProp_1</c>); var −= mom. Centered subtracts the
/// squared mean gradient (slot mg, created between the two, so momentum becomes <c>var/RMSProp_2</c>).
/// </summary>
public sealed class RMSPropOptimizer(TensorLike learning_rate, double decay = 0.9, double momentum = 0.0, double epsilon = 1e-10,
    bool use_locking = false, bool centered = false, string name = "RMSProp") : Optimizer(name, use_locking)
{
    Tensor? _lr, _decay, _momentum, _epsilon;

    /// <inheritdoc/>
    protected override void CreateSlots(IReadOnlyList<Variable> vars)
    {
        foreach (var v in vars)
        {
            Slot(v, "rms", () => tf.ones(v.shape, v.dtype));
            if (centered) ZerosSlot(v, "mg");
            ZerosSlot(v, "momentum");
        }
    }

    /// <inheritdoc/>
    protected override void Prepare()
    {
        _lr = OpBuilder.ToTensor(learning_rate, name: "learning_rate");
        _decay = tf.constant(decay, name: "decay");
        _momentum = tf.constant(momentum, name: "momentum");
        _epsilon = tf.constant(epsilon, name: "epsilon");
    }

    /// <inheritdoc/>
    protected override ITensorOrOperation ApplyDense(Tensor grad, Variable var)
    {
        var written = centered
            ? new[] { var, get_slot(var, "rms")!, get_slot(var, "momentum")!, get_slot(var, "mg")! }
            : new[] { var, get_slot(var, "rms")!, get_slot(var, "momentum")! };
        return UpdateOp(centered ? "ApplyCenteredRMSProp" : "ApplyRMSProp", written, new[] { _lr!, _decay!, _momentum!, _epsilon!, grad },
            (s, v) => OptimizerKernels.RMSProp(s, v, centered));
    }
}
