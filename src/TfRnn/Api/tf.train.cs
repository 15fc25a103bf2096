namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.train: optimizers, the global step and learning-rate schedules.</summary>
    public static partial class train
    {
        /// <summary>tf.train.GradientDescentOptimizer(learning_rate).</summary>
        public static GradientDescentOptimizer GradientDescentOptimizer(TensorLike learning_rate, bool use_locking = false, string name = "GradientDescent") =>
            new(learning_rate, use_locking, name);

        /// <summary>tf.train.AdamOptimizer(learning_rate, beta1, beta2, epsilon).</summary>
        public static AdamOptimizer AdamOptimizer(TensorLike? learning_rate = null, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8,
            bool use_locking = false, string name = "Adam") => new(learning_rate ?? 0.001, beta1, beta2, epsilon, use_locking, name);

        /// <summary>tf.train.AdagradOptimizer(learning_rate, initial_accumulator_value).</summary>
        public static AdagradOptimizer AdagradOptimizer(TensorLike learning_rate, double initial_accumulator_value = 0.1, bool use_locking = false,
            string name = "Adagrad") => new(learning_rate, initial_accumulator_value, use_locking, name);

        /// <summary>tf.train.RMSPropOptimizer(learning_rate, decay, momentum, epsilon, use_locking, centered).</summary>
        public static RMSPropOptimizer RMSPropOptimizer(TensorLike learning_rate, double decay = 0.9, double momentum = 0.0, double epsilon = 1e-10,
            bool use_locking = false, bool centered = false, string name = "RMSProp") =>
            new(learning_rate, decay, momentum, epsilon, use_locking, centered, name);

        /// <summary>tf.train.MomentumOptimizer(learning_rate, momentum, use_nesterov).</summary>
        public static MomentumOptimizer MomentumOptimizer(TensorLike learning_rate, double momentum, bool use_locking = false, string name = "Momentum",
            bool use_nesterov = false) => new(learning_rate, momentum, use_locking, name, use_nesterov);

        /// <summary>tf.train.get_global_step(): the variable in the GLOBAL_STEP collection, or null.</summary>
        public static Variable? get_global_step(Graph? graph = null) =>
            (graph ?? get_default_graph()).get_collection<Variable>(GraphKeys.GLOBAL_STEP).FirstOrDefault();

        /// <summary>tf.train.get_or_create_global_step(): an int64 scalar "global_step" variable, not trainable.</summary>
        public static Variable get_or_create_global_step(Graph? graph = null)
        {
            var g = graph ?? get_default_graph();
            var existing = get_global_step(g);
            if (existing != null) return existing;
            using (g.as_default())
            using (name_scope(null))
                return get_variable(GraphKeys.GLOBAL_STEP, new Shape(), int64, zeros_initializer(), trainable: false,
                    collections: new[] { GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP });
        }

        /// <summary>tf.train.create_global_step(): like get_or_create_global_step, but fails if one exists.</summary>
        public static Variable create_global_step(Graph? graph = null)
        {
            if (get_global_step(graph) != null) throw new ValueError("\"global_step\" already exists.");
            return get_or_create_global_step(graph);
        }

        /// <summary>tf.train.global_step(sess, global_step_tensor): its current value.</summary>
        public static long global_step(Session sess, Variable global_step_tensor) => sess.run(global_step_tensor).item<long>();

        /// <summary>
        /// tf.train.exponential_decay(learning_rate, global_step, decay_steps, decay_rate, staircase):
        /// learning_rate · decay_rate^(global_step / decay_steps), the exponent floored when staircase.
        /// </summary>
        public static Tensor exponential_decay(TensorLike learning_rate, TensorLike global_step, double decay_steps, double decay_rate,
            bool staircase = false, string name = "ExponentialDecay")
        {
            using var scope = name_scope(name);
            var lr = OpBuilder.ToTensor(learning_rate, name: "learning_rate");
            var step = cast(OpBuilder.ToTensor(global_step), lr.dtype);
            var p = step / decay_steps;
            if (staircase) p = floor(p);
            return multiply(lr, pow(constant(decay_rate, lr.dtype), p), scope.scope_name);
        }
    }
}
