export default definePageConfig({
  navigationBarTitleText: '场景分析',
});
