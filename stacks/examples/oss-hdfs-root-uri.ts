// breaks: emr-oss-hdfs-root-uri
// OSS-HDFS installed without its root storage directory (OSS-HDFS / common.conf / OSS_ROOT_URI).
import { exampleCluster } from "./lib/base";

exampleCluster("no-oss-root", (args) => {
  args.applicationConfigs = args.applicationConfigs.filter((c: { configItemKey: string }) => c.configItemKey !== "OSS_ROOT_URI");
});
