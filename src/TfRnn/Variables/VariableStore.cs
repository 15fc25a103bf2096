namespace TfRnn;

/// <summary>TF1's get_variable: names from the variable scope, reuse checks and initializer rules.</summary>
internal static class VariableStore
{
    public static Variable GetVariable(VariableScope scope, string name, Shape? shape, TF_DataType dtype, InitializerLike? initializerLike,
        bool? trainable, IEnumerable<string>? collections, bool validateShape)
    {
        var initializer = InitializerLike.ValueOrNone(initializerLike);
        var graph = DefaultGraphStack.Current;
        string fullName = scope.name.Length > 0 ? scope.name + "/" + name : name;
        // Variable names depend only on the variable scope, so ops are named from the root.
        using var rootScope = graph.EnterNameScope(null, out _);

        bool fromValue = initializer != null && initializer is not IInitializer;
        if (dtype != TF_DataType.DtInvalid && fromValue)
        {
            var initType = InitialValueType(initializer!);
            if (initType != dtype)
                throw new ValueError($"Initializer type '{initType.as_numpy_name()}' and explicit dtype '{dtype.as_numpy_name()}' don't match.");
        }
        var explicitDtype = dtype;
        initializer ??= InitializerLike.ValueOrNone(scope.initializer);
        fromValue = initializer != null && initializer is not IInitializer;
        if (dtype == TF_DataType.DtInvalid) dtype = scope.dtype;
        var store = graph.VariableScopes;
        var reuse = scope.reuse;

        if (shape != null && fromValue)
            throw new ValueError("If initializer is a constant, do not specify shape.");
        var requestedShape = shape ?? Shape.unknown();

        if (store.Variables.TryGetValue(fullName, out var found))
        {
            if (reuse.Value == ReuseFlag.Mode.False)
                throw new ValueError($"Variable {fullName} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?");
            if (!requestedShape.is_compatible_with(found.shape))
                throw new ValueError($"Trying to share variable {fullName}, but specified shape {requestedShape} and found shape {found.shape}.");
            if (!fromValue && dtype != found.dtype)
                throw new ValueError($"Trying to share variable {fullName}, but specified dtype {dtype.as_numpy_name()} and found dtype {found.dtype.as_numpy_name()}.");
            return found;
        }
        if (reuse.Value == ReuseFlag.Mode.True)
            throw new ValueError($"Variable {fullName} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?");

        object initialValue;
        if (fromValue)
        {
            initialValue = initializer is Tensor or Variable ? initializer! : (Func<Tensor>)(() => OpBuilder.ToTensor(initializer!, explicitDtype));
        }
        else
        {
            var init = (IInitializer?)initializer ?? DefaultInitializer(fullName, dtype);
            if (!requestedShape.is_fully_defined)
                throw new ValueError($"Shape of a new variable ({fullName}) must be fully defined, but instead was {requestedShape}.");
            initialValue = (Func<Tensor>)(() => init.Call(requestedShape, dtype));
        }
        var variable = new Variable(initialValue, trainable ?? true, fullName, fromValue ? TF_DataType.DtInvalid : dtype,
            validateShape, collections);
        store.Variables[fullName] = variable;
        return variable;
    }

    static TF_DataType InitialValueType(object value) => value switch
    {
        Tensor t => t.dtype,
        Variable v => v.dtype,
        NDArray a => a.dtype,
        _ => OpBuilder.ToTensor(value).dtype,
    };

    /// <summary>glorot_uniform for floating variables, zeros for integers and booleans (TF's _get_default_initializer).</summary>
    static IInitializer DefaultInitializer(string name, TF_DataType dtype)
    {
        if (dtype.is_floating()) return tf.glorot_uniform_initializer();
        if (dtype.is_integer() || dtype == TF_DataType.TF_BOOL || dtype == TF_DataType.TF_STRING) return tf.zeros_initializer();
        throw new ValueError($"An initializer for variable {name} of {dtype.as_numpy_name()} is required");
    }
}
