// The module build.py generates as first-paint.js (tools/first_paint.py): the
// core's `new` and `palette` replies and the action registry's page data.
// Only a declaration: the build writes the module.

declare const firstPaint: Readonly<{
  // biome-ignore lint/suspicious/noExplicitAny: the core's JSON replies
  new: any;
  // biome-ignore lint/suspicious/noExplicitAny: the core's JSON replies
  palette: any;
  // biome-ignore lint/suspicious/noExplicitAny: Registry.page_data()
  actions: any;
}>;
export default firstPaint;
