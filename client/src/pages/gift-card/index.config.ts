export default definePageConfig({
  navigationBarTitleText: '节日礼券',
});
