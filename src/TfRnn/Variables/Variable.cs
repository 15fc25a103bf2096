namespace TfRnn;

/// <summary>
/// TF1's reference variable: a <c>VariableV2</c> op holding state in the session, an <c>Assign</c>
/// initializer and a <c>read</c> snapshot that ops consume. Usable wherever a tensor is.
/// </summary>
public sealed partial class Variable : ITensorOrOperation, IFetch<NDArray>
{
    readonly Tensor _ref;
    readonly Tensor _snapshot;

    /// <param name="initialValue">A value, a tensor, or a function building the initial tensor (called inside the "Initializer" scope).</param>
    internal Variable(object initialValue, bool trainable, string? name, TF_DataType dtype, bool validateShape,
        IEnumerable<string>? collections)
    {
        var graph = DefaultGraphStack.Current;
        using (graph.control_dependencies(null))
        using (var scope = new NameScope(graph, name ?? "Variable"))
        {
            Tensor init;
            if (initialValue is Func<Tensor> build)
            {
                using (new NameScope(graph, "Initializer"))
                    init = build();
                if (dtype != TF_DataType.DtInvalid && init.dtype != dtype) init = tf.cast(init, dtype);
            }
            else
            {
                init = OpBuilder.ToTensor(initialValue, dtype, "initial_value");
            }
            if (validateShape && !init.shape.is_fully_defined)
                throw new ValueError($"initial_value must have a shape specified: {init}");
            initial_value = init;
            this.trainable = trainable;
            var shape = validateShape ? init.shape : Shape.unknown();
            var varDtype = init.dtype;
            var variableOp = graph.CreateOp("VariableV2", scope.scope_name, Array.Empty<Tensor>(),
                new[] { new OutputSpec(varDtype, shape) }, StateKernels.Read,
                new Dictionary<string, object?> { ["dtype"] = varDtype, ["shape"] = shape });
            _ref = variableOp.outputs[0];
            initializer = StateOps.Assign(_ref, init, validateShape, "Assign").op;
            _snapshot = OpBuilder.Single("Identity", "read", new[] { _ref }, varDtype, shape, StateKernels.Snapshot);
        }
        foreach (var key in collections ?? new[] { tf.GraphKeys.GLOBAL_VARIABLES })
            graph.add_to_collection(key, this);
        if (trainable && !(collections?.Contains(tf.GraphKeys.TRAINABLE_VARIABLES) ?? false))
            graph.add_to_collection(tf.GraphKeys.TRAINABLE_VARIABLES, this);
    }

    /// <summary>The VariableV2 op that owns the state.</summary>
    public Operation op => _ref.op;
    /// <summary>The graph that holds the variable.</summary>
    public Graph graph => _ref.graph;
    /// <summary>TF's variable name, <c>scope/name:0</c>.</summary>
    public string name => _ref.name;
    /// <summary>The element type of the value.</summary>
    public TF_DataType dtype => _ref.dtype;
    /// <summary>The static shape of the value.</summary>
    public Shape shape => _ref.shape;
    /// <summary>Whether the variable is in TRAINABLE_VARIABLES (what optimizers minimize over by default).</summary>
    public bool trainable { get; }
    /// <summary>The tensor the initializer assigns.</summary>
    public Tensor initial_value { get; }
    /// <summary>The Assign op that sets the initial value.</summary>
    public Operation initializer { get; }

    /// <summary>The tensor ops read (<c>name/read:0</c>).</summary>
    public Tensor value() => _snapshot;
    /// <inheritdoc cref="value"/>
    public Tensor read_value() => _snapshot;

    /// <summary>The variable's own output, for feeding and for ops that update it.</summary>
    internal Tensor Ref => _ref;

    /// <summary>tf.assign(self, value): an op that sets the variable and yields the new value.</summary>
    public Tensor assign(TensorLike value, bool use_locking = false, string? name = null) => StateOps.Assign(_ref, OpBuilder.ToTensor(value, dtype), true, name ?? "Assign");
    /// <summary>tf.assign_add(self, delta): an op that adds <paramref name="delta"/> to the variable and yields the new value.</summary>
    public Tensor assign_add(TensorLike delta, bool use_locking = false, string? name = null) => StateOps.AssignUpdate(_ref, OpBuilder.ToTensor(delta, dtype), "AssignAdd", name, StateKernels.AssignAdd);
    /// <summary>tf.assign_sub(self, delta): an op that subtracts <paramref name="delta"/> and yields the new value.</summary>
    public Tensor assign_sub(TensorLike delta, bool use_locking = false, string? name = null) => StateOps.AssignUpdate(_ref, OpBuilder.ToTensor(delta, dtype), "AssignSub", name, StateKernels.AssignSub);

    /// <summary>The variable's value in <paramref name="session"/> or the default session.</summary>
    public NDArray eval(Session? session = null) => (session ?? Session.RequireDefault(this)).run(this);

    /// <summary>Sets the value directly in <paramref name="session"/> (TF's <c>variable.load</c>).</summary>
    public void load(TensorLike value, Session? session = null)
    {
        var sess = session ?? Session.RequireDefault(this);
        sess.run(initializer, new FeedItem(initial_value, value.Value));
    }

    /// <summary>The variable's value (<c>name/read:0</c>), where TF code passes a variable as a tensor.</summary>
    public static implicit operator Tensor(Variable v) => v._snapshot;

    /// <inheritdoc/>
    public override string ToString() => $"<tf.Variable '{name}' shape={shape} dtype={dtype.as_numpy_name()}_ref>";
}
