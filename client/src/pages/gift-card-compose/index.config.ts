export default definePageConfig({
  navigationBarTitleText: '送礼券',
});
