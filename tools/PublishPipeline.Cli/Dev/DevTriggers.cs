using System.Reflection;
using System.Reflection.Emit;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using PublishPipeline.Hosting;

namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The catalogue's queue and blob functions as WebJobs functions. The WebJobs SDK finds functions only as methods with
/// trigger attributes, so this class is generated from <see cref="PipelineFunctions.All"/> when the process starts:
/// one method per function, named as in Azure, with the same queue or blob path, calling the catalogue's handler
/// (the Azure Functions host generated its script functions the same way). A function added to the catalogue is
/// hosted here without a change. The blob trigger polls here: Azurite has no Event Grid.
/// </summary>
internal static class DevTriggers
{
    public static Type Type { get; } = Generate(PipelineFunctions.All);

    internal static Type Generate(IEnumerable<PipelineFunction> functions)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("PublishPipeline.DevTriggers"), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("PublishPipeline.DevTriggers")
            .DefineType("PublishPipeline.DevTriggers.Functions", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(DevTriggerMethods));

        var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(IServiceProvider)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, typeof(DevTriggerMethods).GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(IServiceProvider)])!);
        il.Emit(OpCodes.Ret);

        foreach (var function in functions)
        {
            switch (function)
            {
                case QueueFunction queue:
                    DefineMethod(type, queue.Name, typeof(string), Attribute<QueueTriggerAttribute>(queue.QueueName), nameof(DevTriggerMethods.OnQueueMessageAsync));
                    break;
                case BlobFunction blob:
                    DefineMethod(type, blob.Name, typeof(BlobClient), Attribute<BlobTriggerAttribute>(blob.Path), nameof(DevTriggerMethods.OnBlobAsync));
                    break;
            }
        }

        return type.CreateType();
    }

    /// <summary><c>public Task {name}([Trigger] T trigger, CancellationToken cancellationToken) => base.{target}("{name}", trigger, cancellationToken);</c></summary>
    private static void DefineMethod(TypeBuilder type, string name, Type triggerType, CustomAttributeBuilder trigger, string target)
    {
        var method = type.DefineMethod(name, MethodAttributes.Public, typeof(Task), [triggerType, typeof(CancellationToken)]);
        method.SetCustomAttribute(Attribute<FunctionNameAttribute>(name));
        method.DefineParameter(1, ParameterAttributes.None, "trigger").SetCustomAttribute(trigger);
        method.DefineParameter(2, ParameterAttributes.None, "cancellationToken");
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldstr, name);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Call, typeof(DevTriggerMethods).GetMethod(target, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!);
        il.Emit(OpCodes.Ret);
    }

    private static CustomAttributeBuilder Attribute<T>(string argument)
        where T : Attribute =>
        new(typeof(T).GetConstructor([typeof(string)])!, [argument]);
}

/// <summary>
/// The base of the generated WebJobs functions (<see cref="DevTriggers"/>): created per invocation by the WebJobs
/// activator with the invocation's services, it calls the catalogue's handler. Public: the generated type derives
/// from it in another assembly.
/// </summary>
public abstract class DevTriggerMethods
{
    private readonly IServiceProvider services;

    protected DevTriggerMethods(IServiceProvider services) => this.services = services;

    protected internal Task OnQueueMessageAsync(string function, string message, CancellationToken cancellationToken) =>
        PipelineFunctions.Queue(function).InvokeAsync(services, message, cancellationToken);

    protected internal Task OnBlobAsync(string function, BlobClient blob, CancellationToken cancellationToken) =>
        PipelineFunctions.Blob(function).InvokeAsync(services, blob.Name, cancellationToken);
}
