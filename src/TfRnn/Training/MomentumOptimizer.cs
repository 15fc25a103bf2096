namespace TfRnn;

/// <summary>tf.train.MomentumOptimizer: accum = momentum·accum + g (slot <c>var/Momentum</c>); var −= lr·accum, or with Nesterov var −= lr·g + lr·momentum·accum.</summary>
public sealed class MomentumOptimizer(TensorLike learning_rate, double momentum, bool use_locking = false, string name = "Momentum",
    bool use_nesterov = false) : Optimizer(name, use_locking)
{
    Tensor? _lr, _momentum;

    /// <inheritdoc/>
    protected override void CreateSlots(IReadOnlyList<Variable> vars)
    {
        foreach (var v in vars) ZerosSlot(v, "momentum");
    }

    /// <inheritdoc/>
    protected override void Prepare()
    {
        _lr = OpBuilder.ToTensor(learning_rate, name: "learning_rate");
        _momentum = tf.constant(momentum, name: "momentum");
    }

    /// <inheritdoc/>
    protected override ITensorOrOperation ApplyDense(Tensor grad, Variable var) =>
        UpdateOp("ApplyMomentum", new[] { var, get_slot(var, "momentum")! }, new[] { _lr!, _momentum!, grad },
            (s, v) => OptimizerKernels.Momentum(s, v, use_nesterov));
}
