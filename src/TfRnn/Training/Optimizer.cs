using TorchSharp;

namespace TfRnn;

/// <summary>
/// TF1's tf.train.Optimizer: compute_gradients, apply_gradients and minimize, with slot variables named
/// as TensorFlow names them (<c>&lt;var&gt;/Adam</c>, <c>&lt;var&gt;/Adam_1</c>) so checkpoints match.
/// </summary>
public abstract class Optimizer
{
    readonly Dictionary<string, Dictionary<Variable, Variable>> _slots = new();
    readonly Dictionary<(Graph, string), Variable> _nonSlots = new();

    /// <summary>An optimizer whose update ops are named under <paramref name="name"/> (use_locking is accepted; updates never race here).</summary>
    protected Optimizer(string name, bool use_locking)
    {
        this.name = name;
        this.use_locking = use_locking;
    }

    /// <summary>The optimizer's name: the prefix of its slots and the default name of its update op.</summary>
    public string name { get; }
    /// <summary>Accepted for TF compatibility: updates here never race, so there is nothing to lock.</summary>
    public bool use_locking { get; }

    /// <summary>compute_gradients(loss, var_list): (gradient, variable) for every variable (trainable ones by default); null where loss does not depend on it.</summary>
    public List<(Tensor? gradient, Variable variable)> compute_gradients(Tensor loss, IEnumerable<Variable>? var_list = null,
        string? aggregation_method = null, Tensor? grad_loss = null)
    {
        var variables = (var_list ?? tf.trainable_variables()).ToList();
        if (variables.Count == 0) throw new ValueError("No variables to optimize.");
        foreach (var v in variables)
            if (!v.dtype.is_floating()) throw new ValueError($"Invalid type {v.dtype.as_numpy_name()} for {v.op.name}, expected: [float16, float32, float64].");
        var grads = tf.gradients(loss, variables.Select(v => v.Ref).ToList(), grad_loss == null ? null : (TensorLike?)grad_loss,
            aggregation_method: aggregation_method);
        return grads.Zip(variables, (g, v) => (g, v)).ToList();
    }

    /// <summary>minimize(loss, global_step, var_list): compute_gradients then apply_gradients.</summary>
    public Operation minimize(Tensor loss, Variable? global_step = null, IEnumerable<Variable>? var_list = null, string? name = null)
    {
        var grads = compute_gradients(loss, var_list);
        if (grads.All(g => g.gradient == null))
            throw new ValueError($"No gradients provided for any variable, check your graph for ops that do not support gradients, between variables [{string.Join(", ", grads.Select(g => g.variable.name))}] and loss {loss}.");
        return apply_gradients(grads, global_step, name);
    }

    /// <inheritdoc cref="apply_gradients(IEnumerable{ValueTuple{Gradient, Variable}}, Variable?, string?)"/>
    public Operation apply_gradients(IEnumerable<(Tensor? gradient, Variable variable)> grads_and_vars, Variable? global_step = null, string? name = null) =>
        apply_gradients(grads_and_vars.Select(gv => ((Gradient)gv.gradient, gv.variable)), global_step, name);

    /// <summary>
    /// apply_gradients(grads_and_vars, global_step, name): one op that applies each (gradient, variable) pair
    /// (gradients may be tensors or IndexedSlices; null ones are skipped) and then increments global_step.
    /// </summary>
    public Operation apply_gradients(IEnumerable<(Gradient gradient, Variable variable)> grads_and_vars, Variable? global_step = null, string? name = null)
    {
        var pairs = grads_and_vars.ToList();
        if (pairs.Count == 0) throw new ValueError("No variables provided.");
        var active = pairs.Where(p => !p.gradient.IsNone).ToList();
        if (active.Count == 0)
            throw new ValueError($"No gradients provided for any variable: [{string.Join(", ", pairs.Select(p => p.variable.ToString()))}].");
        var graph = active[0].variable.graph;
        using (graph.control_dependencies(null))
            CreateSlots(active.Select(p => p.variable).ToList());

        using var scope = tf.name_scope(name, this.name);
        Prepare();
        var updates = new List<ITensorOrOperation>();
        foreach (var (gradient, variable) in active)
        {
            using (tf.name_scope("update_" + variable.op.name))
            {
                updates.Add(gradient.IndexedSlices is { } slices
                    ? ApplySparse(slices, variable)
                    : ApplyDense(CheckedGradient(gradient.Tensor!, variable), variable));
            }
        }
        Operation applied;
        if (global_step == null) applied = Finish(updates, scope.scope_name);
        else
        {
            using (graph.control_dependencies(new[] { Finish(updates, "update") }))
                applied = global_step.assign_add(OpBuilder.ToTensor(1, global_step.dtype), name: scope.scope_name).op;
        }
        var trainOps = graph.get_collection_ref(tf.GraphKeys.TRAIN_OP);
        if (!trainOps.Contains(applied)) trainOps.Add(applied);
        return applied;
    }

    static Tensor CheckedGradient(Tensor gradient, Variable variable)
    {
        if (gradient.dtype != variable.dtype)
            throw new ValueError($"Gradient dtype {gradient.dtype.as_numpy_name()} does not match variable {variable.op.name} of dtype {variable.dtype.as_numpy_name()}");
        return gradient;
    }

    /// <summary>The slot <paramref name="slotName"/> ("m", "accumulator", …) of <paramref name="var"/>, or null.</summary>
    public Variable? get_slot(Variable var, string slotName) =>
        _slots.TryGetValue(slotName, out var perVar) && perVar.TryGetValue(var, out var slot) ? slot : null;

    /// <summary>The names of the slots this optimizer keeps per variable (e.g. <c>m</c>, <c>v</c> for Adam), sorted.</summary>
    public List<string> get_slot_names() => _slots.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Every variable this optimizer created (slots and accumulators such as beta1_power).</summary>
    public List<Variable> variables() =>
        _nonSlots.Values.Concat(_slots.Values.SelectMany(s => s.Values)).OrderBy(v => v.name, StringComparer.Ordinal).ToList();

    // ---- what each optimizer defines -----------------------------------------------------------

    /// <summary>Creates the per-variable slots (accumulators) before the first update.</summary>
    protected virtual void CreateSlots(IReadOnlyList<Variable> vars) { }
    /// <summary>Converts hyperparameters to tensors inside the update name scope.</summary>
    protected virtual void Prepare() { }
    /// <summary>The op that applies a dense gradient to one variable.</summary>
    protected abstract ITensorOrOperation ApplyDense(Tensor grad, Variable var);
    /// <summary>Sparse updates default to the dense update of the summed-into-zeros gradient.</summary>
    protected virtual ITensorOrOperation ApplySparse(IndexedSlices grad, Variable var) => ApplyDense(grad.ToDense(), var);
    /// <summary>Groups the per-variable updates into the returned op (Adam also advances its beta powers).</summary>
    protected virtual Operation Finish(List<ITensorOrOperation> updates, string scopeName) => tf.group(updates, scopeName);

    // ---- helpers for subclasses ------------------------------------------------------------------

    /// <summary>Creates slot <paramref name="slotName"/> of <paramref name="var"/> once, named <c>var/&lt;opName&gt;</c> (made unique as TF does).</summary>
    protected Variable Slot(Variable var, string slotName, Func<Tensor> initialValue, string? opName = null)
    {
        if (!_slots.TryGetValue(slotName, out var perVar)) _slots[slotName] = perVar = new Dictionary<Variable, Variable>();
        if (perVar.TryGetValue(var, out var existing)) return existing;
        using (var graphScope = var.graph.as_default())
        using (var root = tf.name_scope(null))
            perVar[var] = existing = new Variable(initialValue, false, $"{var.op.name}/{opName ?? name}", TF_DataType.DtInvalid, true, null);
        return existing;
    }

    /// <summary>A slot of <paramref name="var"/>'s shape and dtype starting at zeros.</summary>
    protected Variable ZerosSlot(Variable var, string slotName, string? opName = null) =>
        Slot(var, slotName, () => tf.zeros(var.shape, var.dtype), opName);

    /// <summary>A per-graph accumulator such as Adam's beta1_power (created in the current name scope, as TF does).</summary>
    protected Variable NonSlot(Graph graph, string variableName, TensorLike initialValue)
    {
        if (_nonSlots.TryGetValue((graph, variableName), out var existing)) return existing;
        using (graph.as_default())
            _nonSlots[(graph, variableName)] = existing = tf.Variable(initialValue, trainable: false, name: variableName);
        return existing;
    }

    /// <summary>
    /// An op named <paramref name="type"/> that updates variable state in place; the first inputs are the
    /// variables it writes. <paramref name="update"/> is the engine's update body, run under no-grad.
    /// </summary>
    protected static Tensor UpdateOp(string type, Variable[] written, Tensor[] inputs, Action<torch.Tensor[], torch.Tensor[]> update)
    {
        var allInputs = written.Select(v => v.Ref).Concat(inputs).ToArray();
        var writtenOps = written.Select(v => v.op).ToArray();
        return OpBuilder.Single(type, type, allInputs, written[0].dtype, written[0].shape,
            ctx => OptimizerKernels.Apply(ctx, writtenOps, update), referenceInputs: written.Length);
    }

    /// <summary>A scalar hyperparameter as a double inside an update body (kept for subclasses; the engine's is in its kernels).</summary>
    protected static double Scalar(torch.Tensor t) => OptimizerKernels.Scalar(t);
}
