using Xunit.Sdk;
using Xunit.v3;

// Every test here measures the process's heap, so none may run while another allocates.
[assembly: Parallelization(Mode = ParallelMode.None)]
