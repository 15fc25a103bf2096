namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.GraphKeys: the standard collection names.</summary>
    public static class GraphKeys
    {
        /// <summary>Every variable (what tf.global_variables() and a default Saver use).</summary>
        public const string GLOBAL_VARIABLES = "variables";
        /// <summary>TF1's older name of <see cref="GLOBAL_VARIABLES"/>.</summary>
        public const string VARIABLES = GLOBAL_VARIABLES;
        /// <summary>Variables an optimizer minimizes over by default.</summary>
        public const string TRAINABLE_VARIABLES = "trainable_variables";
        /// <summary>Per-process variables that are not saved.</summary>
        public const string LOCAL_VARIABLES = "local_variables";
        /// <summary>Variables of the model proper (a subset of the global ones).</summary>
        public const string MODEL_VARIABLES = "model_variables";
        /// <summary>Summary ops, for tf.summary.merge_all().</summary>
        public const string SUMMARIES = "summaries";
        /// <summary>Ops to run alongside a training step.</summary>
        public const string UPDATE_OPS = "update_ops";
        /// <summary>Losses added by tf.losses.</summary>
        public const string LOSSES = "losses";
        /// <summary>The global step variable.</summary>
        public const string GLOBAL_STEP = "global_step";
        /// <summary>The training op.</summary>
        public const string TRAIN_OP = "train_op";
    }

    /// <summary>tf.AUTO_REUSE: get_variable creates a missing variable and reuses an existing one.</summary>
    public static readonly ReuseFlag AUTO_REUSE = new(ReuseFlag.Mode.Auto);

    /// <summary>tf.Variable(initial_value, trainable, name, dtype, validate_shape, collections): initial_value is a tensor or anything convertible (<c>tf.Variable([1f, 2f])</c>).</summary>
    public static Variable Variable(TensorLike initial_value, bool trainable = true, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid,
        bool validate_shape = true, IEnumerable<string>? collections = null) =>
        new(initial_value.Value, trainable, name, dtype, validate_shape, collections);

    /// <summary>tf.Variable(initial_value) where initial_value is a function building the tensor (called in the "Initializer" scope).</summary>
    public static Variable Variable(Func<Tensor> initial_value, bool trainable = true, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid,
        bool validate_shape = true, IEnumerable<string>? collections = null) =>
        new(initial_value, trainable, name, dtype, validate_shape, collections);

    /// <summary>tf.get_variable(name, shape, dtype, initializer, trainable, collections): gets or creates a variable in the current variable scope.</summary>
    public static Variable get_variable(string name, Shape? shape = null, TF_DataType dtype = TF_DataType.DtInvalid, InitializerLike? initializer = null,
        bool? trainable = null, IEnumerable<string>? collections = null, bool validate_shape = true) =>
        get_variable_scope().get_variable(name, shape, dtype, initializer, trainable, collections, validate_shape);

    /// <summary>tf.get_variable_scope(): the current variable scope.</summary>
    public static VariableScope get_variable_scope() => get_default_graph().VariableScopes.Current;

    /// <summary>tf.variable_scope(name_or_scope, default_name, reuse, initializer, dtype): dispose to leave.</summary>
    public static VariableScope variable_scope(string? name_or_scope, string? default_name = null, ReuseFlag? reuse = null,
        InitializerLike? initializer = null, TF_DataType dtype = TF_DataType.DtInvalid, bool auxiliary_name_scope = true) =>
        VariableScopeEntry.Enter(get_default_graph(), name_or_scope, default_name, reuse, initializer, dtype, auxiliary_name_scope);

    /// <summary>tf.variable_scope(scope): re-enters a captured scope (same variable names, new name scope).</summary>
    public static VariableScope variable_scope(VariableScope name_or_scope, ReuseFlag? reuse = null, InitializerLike? initializer = null,
        TF_DataType dtype = TF_DataType.DtInvalid, bool auxiliary_name_scope = true) =>
        VariableScopeEntry.Enter(get_default_graph(), name_or_scope, null, reuse, initializer, dtype, auxiliary_name_scope);

    /// <summary>tf.global_variables(scope).</summary>
    public static List<Variable> global_variables(string? scope = null) => get_default_graph().get_collection<Variable>(GraphKeys.GLOBAL_VARIABLES, scope);
    /// <summary>tf.all_variables(): the pre-1.0 name of global_variables.</summary>
    public static List<Variable> all_variables() => global_variables();
    /// <summary>tf.trainable_variables(scope).</summary>
    public static List<Variable> trainable_variables(string? scope = null) => get_default_graph().get_collection<Variable>(GraphKeys.TRAINABLE_VARIABLES, scope);
    /// <summary>tf.local_variables(scope).</summary>
    public static List<Variable> local_variables(string? scope = null) => get_default_graph().get_collection<Variable>(GraphKeys.LOCAL_VARIABLES, scope);

    /// <summary>tf.variables_initializer(var_list): one op running every variable's initializer.</summary>
    public static Operation variables_initializer(IEnumerable<Variable> var_list, string name = "init")
    {
        var initializers = var_list.Select(v => (ITensorOrOperation)v.initializer).ToArray();
        using (get_default_graph().control_dependencies(initializers))
            return no_op(name);
    }

    /// <summary>tf.global_variables_initializer().</summary>
    public static Operation global_variables_initializer() => variables_initializer(global_variables());
    /// <summary>tf.initialize_all_variables(): the pre-1.0 name of global_variables_initializer.</summary>
    public static Operation initialize_all_variables() => global_variables_initializer();
    /// <summary>tf.local_variables_initializer().</summary>
    public static Operation local_variables_initializer() => variables_initializer(local_variables(), "init_1");

    /// <summary>tf.assign(ref, value, validate_shape): sets the variable to <paramref name="value"/>.</summary>
    public static Tensor assign(Variable @ref, TensorLike value, bool validate_shape = true, string? name = null) =>
        StateOps.Assign(@ref.Ref, OpBuilder.ToTensor(value, @ref.dtype), validate_shape, name ?? "Assign");
    /// <summary>tf.assign_add(ref, value).</summary>
    public static Tensor assign_add(Variable @ref, TensorLike value, string? name = null) => @ref.assign_add(value, name: name);
    /// <summary>tf.assign_sub(ref, value).</summary>
    public static Tensor assign_sub(Variable @ref, TensorLike value, string? name = null) => @ref.assign_sub(value, name: name);

    /// <summary>tf.add_to_collection(name, value) on the default graph.</summary>
    public static void add_to_collection(string name, object value) => get_default_graph().add_to_collection(name, value);
    /// <summary>tf.get_collection(key, scope) on the default graph.</summary>
    public static List<object> get_collection(string key, string? scope = null) => get_default_graph().get_collection(key, scope);
    /// <summary>tf.convert_to_tensor(value, dtype, name).</summary>
    public static Tensor convert_to_tensor(TensorLike value, TF_DataType dtype = TF_DataType.DtInvalid, string name = "Const") => OpBuilder.ToTensor(value, dtype, name);
}
