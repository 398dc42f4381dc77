using PublishPipeline.Cli;

return await PubpipeCommand.RunAsync(args);
