export default definePageConfig({
  navigationBarTitleText: '搜一搜',
});
