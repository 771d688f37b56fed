// breaks: emr-tags
// A tag key with the reserved prefix "aliyun".
import { exampleCluster } from "./lib/base";

exampleCluster("reserved-tag", (args) => {
  args.tags = { ...args.tags, "aliyun-owner": "data-platform" };
});
